//! The few lines of CSV the catalogues need: fields separated by commas,
//! quoted when they hold one. The embedded files have no quotes inside
//! fields (the tests of each catalogue would fail to parse them), so a
//! field borrows from the embedded text and nothing is allocated per field.

/// The fields of one line of an embedded file.
pub(crate) fn fields(line: &'static str) -> Vec<&'static str> {
    let mut fields = Vec::new();
    let mut rest = line;
    loop {
        if let Some(quoted) = rest.strip_prefix('"') {
            let Some(end) = quoted.find('"') else {
                panic!("embedded CSV: unclosed quote in {line:?}");
            };
            fields.push(&quoted[..end]);
            rest = &quoted[end + 1..];
            match rest.strip_prefix(',') {
                Some(after) => rest = after,
                None if rest.is_empty() => return fields,
                None => panic!("embedded CSV: text after a closing quote in {line:?}"),
            }
        } else {
            match rest.split_once(',') {
                Some((field, after)) => {
                    fields.push(field);
                    rest = after;
                }
                None => {
                    fields.push(rest);
                    return fields;
                }
            }
        }
    }
}

/// The data lines of an embedded file: without its header and blank lines.
pub(crate) fn records(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines().skip(1).filter(|l| !l.is_empty()).map(fields)
}

#[cfg(test)]
mod tests {
    use super::fields;

    #[test]
    fn quoted_fields_keep_their_commas() {
        assert_eq!(
            fields("01,division,\"Produzioni, caccia\",A"),
            ["01", "division", "Produzioni, caccia", "A"]
        );
        assert_eq!(fields("A,section,\"X, Y\","), ["A", "section", "X, Y", ""]);
        assert_eq!(fields("1,\"a, b\""), ["1", "a, b"]);
    }
}
