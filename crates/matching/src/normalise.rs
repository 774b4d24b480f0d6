//! Text normalisation: accents, case, punctuation, name particles.

use unicode_normalization::UnicodeNormalization;

/// Lowercase ASCII letters and digits separated by single spaces: NFKD decomposition, accents dropped,
/// letters that do not decompose mapped by hand (ø, ß, ł, æ...), apostrophes dropped (`N'Diaye` →
/// `ndiaye`), every other punctuation (hyphens, dots, commas) a space.
pub fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        let c = c.to_lowercase().next().unwrap_or(c);
        let mapped: &str = match c {
            'a'..='z' | '0'..='9' => {
                push(&mut out, &mut pending_space, c.encode_utf8(&mut [0; 4]));
                continue;
            }
            '\'' | '’' | '‘' | '`' | 'ʼ' | 'ʻ' | '´' => continue,
            'ø' => "o",
            'ß' => "ss",
            'ł' => "l",
            'đ' | 'ð' => "d",
            'æ' => "ae",
            'œ' => "oe",
            'ı' => "i",
            'þ' => "th",
            'ħ' => "h",
            'ŧ' => "t",
            _ => {
                pending_space = !out.is_empty();
                continue;
            }
        };
        push(&mut out, &mut pending_space, mapped);
    }
    out
}

fn push(out: &mut String, pending_space: &mut bool, text: &str) {
    if *pending_space {
        out.push(' ');
        *pending_space = false;
    }
    out.push_str(text);
}

/// Arabic articles written apart (`Abd el Rahman`, `El Amrani`): dropped, since records differ in
/// whether they write them at all.
const ARTICLES: [&str; 14] = [
    "al", "el", "ul", "ar", "ur", "er", "as", "us", "ad", "an", "at", "az", "ash", "ed",
];

/// Particles that belong to the next word and are written apart or joined (`Ben Ali` / `Benali`,
/// `De Luca` / `Deluca`, `Ould Ahmed`, `Van der Berg`): joined to the next token. `bin` and `ibn`
/// are written `ben`, `abou`/`bou` `abu`.
const BINDING_PARTICLES: [&str; 30] = [
    "ben", "bin", "ibn", "ibnu", "ould", "abu", "abou", "bou", "de", "di", "da", "del", "della", "dello",
    "dei", "degli", "dal", "dalla", "do", "dos", "das", "du", "van", "von", "der", "den", "ter", "mac", "mc",
    "st",
];

/// The ways of writing Arabic `ʿAbd` ("servant of"), joined or apart, longest first: all become `abd`
/// joined to the next word, so `Abd el Rahman`, `Abdelrahman`, `Abdul Rahman` and `Abdurrahman`
/// all become `abdrahman`. The last three are only read joined (`Abdirahman`): written apart,
/// `Abdi` is a name of its own.
const ABD_FORMS: [&str; 13] = [
    "abdoul", "abdel", "abdul", "abdal", "abdol", "abdur", "abdar", "abder", "abdou", "abdu", "abde", "abdi",
    "abd",
];

/// Name tokens: [`plain`] text split on spaces, particles handled as described on [`ARTICLES`],
/// [`BINDING_PARTICLES`] and [`ABD_FORMS`].
pub fn name_tokens(text: &str) -> Vec<String> {
    let plain = plain(text);
    let words: Vec<&str> = plain.split(' ').filter(|word| !word.is_empty()).collect();
    let mut tokens = Vec::with_capacity(words.len());
    let mut prefix = String::new();
    for (position, word) in words.iter().enumerate() {
        let is_last = position + 1 == words.len();
        if ARTICLES.contains(word) && (!is_last || !prefix.is_empty()) && words.len() > 1 {
            continue;
        }
        if (ABD_FORMS[..ABD_FORMS.len() - 3].contains(word) || *word == "abd") && !is_last {
            prefix.push_str("abd");
            continue;
        }
        if BINDING_PARTICLES.contains(word) && !is_last {
            prefix.push_str(binding_form(word));
            continue;
        }
        let token = std::mem::take(&mut prefix) + word;
        tokens.push(abd_joined(&token));
    }
    if !prefix.is_empty() {
        tokens.push(prefix);
    }
    tokens
}

fn binding_form(particle: &str) -> &str {
    match particle {
        "bin" | "ibn" | "ibnu" => "ben",
        "abou" | "bou" => "abu",
        other => other,
    }
}

/// `abdelrahman` → `abdrahman`, `abdullah` → `abdlah`, `abdulaziz` → `abdaziz`; other words unchanged.
/// The longest form that leaves at least three letters is taken off, then an article after it.
fn abd_joined(word: &str) -> String {
    if !word.starts_with("abd") || word.len() < 6 {
        return word.to_owned();
    }
    let rest_after = |form: &str| word.strip_prefix(form).filter(|rest| rest.len() >= 3);
    match ABD_FORMS.iter().find_map(|form| rest_after(form)) {
        Some(rest) => {
            let without_article = ARTICLES
                .iter()
                .filter_map(|article| rest.strip_prefix(article))
                .find(|r| r.len() >= 3);
            format!("abd{}", without_article.unwrap_or(rest))
        }
        None => word.to_owned(),
    }
}

/// Digits only (phones, numbers).
pub fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// Letters and digits only, upper case (document numbers, codice fiscale).
pub fn identifier(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// A phone number's national digits: `+39`/`0039` (or any international prefix written with `+`/`00`)
/// is dropped so that `+39 333 1234567`, `0039 3331234567` and `333 1234567` agree. Numbers of fewer than
/// six digits are not usable.
pub fn phone(text: &str) -> Option<String> {
    let trimmed = text.trim();
    let mut number = digits(trimmed);
    let international = trimmed.starts_with('+') || number.starts_with("00");
    let number_without_zeros = number.trim_start_matches('0').to_owned();
    if international {
        number = number_without_zeros;
        if let Some(national) = number.strip_prefix("39") {
            number = national.to_owned();
        }
    }
    (number.len() >= 6).then_some(number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_drops_accents_case_and_punctuation() {
        assert_eq!(plain("  Ñúñez-Gómez  "), "nunez gomez");
        assert_eq!(plain("N'Diaye"), "ndiaye");
        assert_eq!(plain("Łukasz Øster"), "lukasz oster");
        assert_eq!(plain("O’Brien, Jr."), "obrien jr");
        assert_eq!(plain("Straße"), "strasse");
    }

    #[test]
    fn abd_forms_agree() {
        assert_eq!(name_tokens("Abd el Rahman"), ["abdrahman"]);
        assert_eq!(name_tokens("Abdelrahman"), ["abdrahman"]);
        assert_eq!(name_tokens("Abdul Rahman"), ["abdrahman"]);
        assert_eq!(name_tokens("Abdurrahman"), ["abdrahman"]);
        assert_eq!(name_tokens("Abdourahmane"), ["abdrahmane"]);
        assert_eq!(name_tokens("Abd al-Aziz"), name_tokens("Abdulaziz"));
        assert_eq!(name_tokens("Abdullah"), name_tokens("Abd Allah"));
    }

    #[test]
    fn articles_are_dropped_and_particles_joined() {
        assert_eq!(name_tokens("El Amrani"), ["amrani"]);
        assert_eq!(name_tokens("Al-Hassan"), ["hassan"]);
        assert_eq!(name_tokens("Ben Ali"), ["benali"]);
        assert_eq!(name_tokens("bin Ali"), ["benali"]);
        assert_eq!(name_tokens("De Luca"), ["deluca"]);
        assert_eq!(name_tokens("Van der Berg"), ["vanderberg"]);
        assert_eq!(name_tokens("Ould Ahmed Salem"), ["ouldahmed", "salem"]);
    }

    #[test]
    fn a_lone_particle_is_kept() {
        assert_eq!(name_tokens("Al"), ["al"]);
        assert_eq!(name_tokens("Abdul"), ["abdul"]);
        assert_eq!(name_tokens("Mohamed Ben"), ["mohamed", "ben"]);
        assert!(name_tokens(" - ").is_empty());
    }

    #[test]
    fn phones_ignore_the_italian_prefix() {
        assert_eq!(phone("+39 333 123 4567").as_deref(), Some("3331234567"));
        assert_eq!(phone("0039 333-1234567").as_deref(), Some("3331234567"));
        assert_eq!(phone("333 1234567").as_deref(), Some("3331234567"));
        assert_eq!(phone("06 1234567").as_deref(), Some("061234567"));
        assert_eq!(phone("+221 77 123 45 67").as_deref(), Some("221771234567"));
        assert_eq!(phone("12"), None);
    }

    #[test]
    fn identifiers_keep_letters_and_digits() {
        assert_eq!(identifier(" rss-mra 80a01 h501u "), "RSSMRA80A01H501U");
        assert_eq!(digits("a1-2 3"), "123");
    }
}
