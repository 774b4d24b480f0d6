//! Jaro–Winkler similarity on bytes, without allocating: it runs for every token pair of every candidate
//! pair, millions of times in a large deduplication. Normalised text is ASCII, so bytes are letters.

/// Jaro–Winkler similarity (prefix scale 0.1, prefix up to 4, boost above 0.7) of two ASCII strings,
/// from 0 to 1.
/// Strings longer than 64 bytes are compared on their first 64.
pub fn jaro_winkler(a: &str, b: &str) -> f64 {
    let (a, b) = (&a.as_bytes()[..a.len().min(64)], &b.as_bytes()[..b.len().min(64)]);
    let jaro = jaro(a, b);
    if jaro <= 0.7 {
        return jaro;
    }
    let prefix = a.iter().zip(b).take(4).take_while(|(x, y)| x == y).count();
    jaro + prefix as f64 * 0.1 * (1.0 - jaro)
}

fn jaro(a: &[u8], b: &[u8]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    // Where each byte value occurs in b, as bits: finding a match in the window is then one AND.
    let mut positions = [0u64; 128];
    for (j, y) in b.iter().enumerate() {
        positions[usize::from(y & 127)] |= 1 << j;
    }
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut matched_a = 0u64;
    let mut matched_b = 0u64;
    for (i, x) in a.iter().enumerate() {
        let from = i.saturating_sub(window);
        let to = (i + window + 1).min(b.len());
        if from >= to {
            continue;
        }
        let in_window = bits_below(to) & !bits_below(from);
        let free = positions[usize::from(x & 127)] & in_window & !matched_b;
        if free != 0 {
            matched_a |= 1 << i;
            matched_b |= free & free.wrapping_neg();
        }
    }
    let matches = matched_a.count_ones() as usize;
    if matches == 0 {
        return 0.0;
    }
    let mut transpositions = 0usize;
    let (mut rest_a, mut rest_b) = (matched_a, matched_b);
    while rest_a != 0 {
        let (i, j) = (rest_a.trailing_zeros() as usize, rest_b.trailing_zeros() as usize);
        if a[i] != b[j] {
            transpositions += 1;
        }
        rest_a &= rest_a - 1;
        rest_b &= rest_b - 1;
    }
    let m = matches as f64;
    (m / a.len() as f64 + m / b.len() as f64 + (m - (transpositions / 2) as f64) / m) / 3.0
}

/// The bits 0..n set (n up to 64).
fn bits_below(n: usize) -> u64 {
    if n >= 64 { u64::MAX } else { (1u64 << n) - 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_strsim() {
        let words = [
            "martha",
            "marhta",
            "dwayne",
            "duane",
            "dixon",
            "dicksonx",
            "",
            "a",
            "mohamed",
            "muhammad",
            "abdrahman",
            "singh",
            "sing",
            "jonathan",
            "jonathon",
            "via roma 12 latina",
            "via rome 12",
        ];
        for a in words {
            for b in words {
                let expected = strsim::jaro_winkler(a, b);
                assert!(
                    (jaro_winkler(a, b) - expected).abs() < 1e-9,
                    "{a} {b}: {} vs {expected}",
                    jaro_winkler(a, b)
                );
            }
        }
    }
}
