//! Transliteration-aware phonetic keys for name tokens.
//!
//! The same name reaches Italian registries through different romanisations (Arabic, Urdu/Punjabi,
//! Wolof/Mandinka/Fula written the French or the English way, Cyrillic). Two steps bring them together:
//!
//! 1. [`transliterated`] rewrites the spellings that stand for one sound, in this order:
//!    `x` → `ks`; `sch`, `tch`, `sh`, `ch`, `sz`, `cz` → `x` (one "sh" sound); `dzh`, `dj`, `zh` → `j`;
//!    `kh` → `h` (Khalid/Halid); `gh` → `g` (Singh/Sing); `ph` → `f`; `th` → `t`; `dh` → `d`;
//!    `ou`, `oo` → `u` (Ousmane/Usman, Mamadou/Mamadu); `ee` → `i` (Gurpreet/Gurprit); `w` → `v`
//!    (Wladimir/Vladimir); `y` → `i`; `q`, `c`, `ck` → `k` (Coulibaly/Kulibali); `z` → `s`; an `h` after a
//!    consonant or at the end is dropped (Fatimah/Fatima); vowels fold into three classes (`a`; `e i y` → `i`;
//!    `o u` → `u`); doubled letters are written once (Mohammed/Mohamed).
//! 2. [`skeleton`] keeps the first letter (any vowel written `a`) and the consonants after it: vowels are
//!    where romanisations disagree most (Hussain/Hussein/Husain/Hossain → `hsn`).
//!
//! Names whose forms the rules cannot bring together (Diallo/Jallow, Chowdhury/Chaudhry) or that are
//! so frequent that they deserve certainty (Mohammed/Mohd/Md) are listed in [`VARIANT_GROUPS`]: every form of
//! a group has the key of the group's first form.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

/// Well-known variant groups; the first form names the group. Forms are written as [`crate::normalise`]
/// leaves them (lowercase ASCII, particles joined).
pub const VARIANT_GROUPS: &[&[&str]] = &[
    &[
        "mohammed",
        "muhammad",
        "mohamed",
        "mohamad",
        "muhammed",
        "mohammad",
        "muhamad",
        "muhamed",
        "mouhamed",
        "mouhammed",
        "mouhamad",
        "mohamud",
        "mohd",
        "md",
        "mhd",
        "mohmed",
        "mohammod",
        "muhammet",
        "mehmet",
        "mehmed",
        "mouhamadou",
        "mohamadou",
        "muhamadu",
    ],
    &["mamadou", "mamadu", "mamady", "mamadi", "mammadou"],
    &[
        "ousmane", "usman", "osman", "othman", "uthman", "usmane", "ousman", "osmane", "usmani",
    ],
    &[
        "oleksandr",
        "aleksandr",
        "alexander",
        "aleksander",
        "alexandr",
        "oleksander",
        "alexandre",
        "alessandro",
        "aleksandar",
    ],
    &["singh", "sing", "sinh"],
    &["kaur", "kour", "kor"],
    &["gurpreet", "gurprit", "gurpret", "gurpreit"],
    &[
        "diallo", "jallow", "djalo", "jallo", "djallo", "dialo", "diallo", "jalo",
    ],
    &[
        "coulibaly",
        "kulibali",
        "coulibali",
        "kulibaly",
        "koulibaly",
        "kouribaly",
    ],
    &[
        "hussain", "hussein", "husain", "hossain", "husein", "hosein", "hussien", "houssein", "husayn",
        "hossein", "houssain",
    ],
    &["abdul", "abdoul", "abdel"],
    &["ahmed", "ahmad", "ahmet", "achmed", "ahmat", "ahamed"],
    &["mahmoud", "mahmud", "mahmood", "mehmood", "mahamoud", "mahamud"],
    &[
        "yusuf", "youssef", "yousef", "yussuf", "youssouf", "yousouf", "jusuf", "yousif", "yusif", "yosef",
    ],
    &[
        "ibrahim", "ibrahima", "brahim", "ebrahim", "ibraheem", "ebrima", "ibrahime",
    ],
    &[
        "fatima",
        "fatoumata",
        "fatimata",
        "fatma",
        "fatuma",
        "fatimah",
        "fatumata",
    ],
    &["moussa", "musa", "mousa", "mussa"],
    &[
        "souleymane",
        "sulaiman",
        "suleiman",
        "sulayman",
        "soulaymane",
        "suleyman",
        "sulemana",
        "souleman",
    ],
    &[
        "abubakar",
        "aboubacar",
        "aboubakar",
        "abubakr",
        "boubacar",
        "bubakar",
        "abubakarr",
        "aboubakr",
    ],
    &["omar", "oumar", "umar", "omer"],
    &["amadou", "ahmadou", "amadu", "hamadou"],
    &["lamine", "lamin", "alamin", "lamina"],
    &["toure", "touray", "ture"],
    &["cisse", "sisse", "sise"],
    &["bah", "ba"],
    &["sow", "sowe"],
    &["ndiaye", "njie", "ndiay", "njai"],
    &["seydou", "saidou", "seidou", "saydou"],
    &["cheikh", "sheikh", "shaikh", "sheik", "cheick", "cheik", "shaykh"],
    &[
        "chowdhury",
        "choudhury",
        "chaudhry",
        "chaudhary",
        "chowdhry",
        "chaudhari",
        "choudhary",
        "chaudri",
    ],
    &[
        "serhii", "sergei", "sergey", "serhiy", "sergiy", "serguei", "sergii",
    ],
    &["volodymyr", "vladimir", "wladimir", "volodimir"],
    &["mykola", "nikolai", "nikolay", "mikola", "nicolai"],
    &[
        "oleksii", "alexei", "aleksei", "oleksiy", "alexey", "aleksey", "oleksiy",
    ],
    &["andrii", "andrei", "andriy", "andrey", "andrij"],
    &["yurii", "yuri", "yuriy", "iurii", "jurij", "yury"],
    &["dmytro", "dmitri", "dmitry", "dmitriy", "dmitrii"],
    &["olena", "elena", "alena", "helena"],
    &["tetiana", "tatiana", "tatyana", "tetyana", "tatjana"],
    &[
        "yevhen", "evgeny", "evgenii", "yevgeniy", "evgeniy", "yevgeny", "ievgen",
    ],
    &["mykhailo", "mikhail", "mihail", "mychajlo", "mikhailo"],
    &["kateryna", "ekaterina", "katerina", "yekaterina", "katarina"],
    &["yuliia", "yulia", "julia", "iuliia", "yuliya"],
];

fn group_of(token: &str) -> Option<&'static str> {
    static GROUPS: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    let groups = GROUPS.get_or_init(|| {
        VARIANT_GROUPS
            .iter()
            .flat_map(|group| group.iter().map(move |form| (*form, group[0])))
            .collect()
    });
    groups.get(token).copied()
}

/// The spelling of a token after the rules of step 1 (see the module documentation).
pub fn transliterated(token: &str) -> String {
    let bytes = token.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len() + 2);
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        let (sound, used): (&[u8], usize) = match rest {
            [b's', b'c', b'h', ..] | [b't', b'c', b'h', ..] => (b"x", 3),
            [b'd', b'z', b'h', ..] => (b"j", 3),
            [b's' | b'c', b'h', ..] | [b's' | b'c', b'z', ..] => (b"x", 2),
            [b'd', b'j', ..] | [b'z', b'h', ..] => (b"j", 2),
            [b'k', b'h', ..] => (b"h", 2),
            [b'g', b'h', ..] => (b"g", 2),
            [b'p', b'h', ..] => (b"f", 2),
            [b't', b'h', ..] => (b"t", 2),
            [b'd', b'h', ..] => (b"d", 2),
            [b'c', b'k', ..] => (b"k", 2),
            [b'o', b'u', ..] | [b'o', b'o', ..] => (b"u", 2),
            [b'e', b'e', ..] => (b"i", 2),
            [b'x', ..] => (b"ks", 1),
            [b'w', ..] => (b"v", 1),
            [b'e' | b'i' | b'y', ..] => (b"i", 1),
            [b'o' | b'u', ..] => (b"u", 1),
            [b'q' | b'c', ..] => (b"k", 1),
            [b'z', ..] => (b"s", 1),
            [b'h', ..] if out.last().is_some_and(|c| !is_vowel(*c)) || rest.len() == 1 => (b"", 1),
            [c, ..] => (std::slice::from_ref(c), 1),
            [] => break,
        };
        for c in sound {
            if out.last() != Some(c) {
                out.push(*c);
            }
        }
        i += used;
    }
    String::from_utf8(out).unwrap_or_default()
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Step 2: first letter (a vowel is written `a`) and the consonants after it, doubles once.
pub fn skeleton(transliterated: &str) -> String {
    let mut out = String::with_capacity(transliterated.len());
    for (position, c) in transliterated.bytes().enumerate() {
        let c = if is_vowel(c) {
            if position > 0 {
                continue;
            }
            b'a'
        } else {
            c
        };
        if out.as_bytes().last() != Some(&c) {
            out.push(c as char);
        }
    }
    out
}

/// The phonetic key of a normalised name token: the skeleton of its variant group's first form when it has
/// one, else its own.
pub fn key(token: &str) -> String {
    skeleton(&transliterated(group_of(token).unwrap_or(token)))
}

/// Whether two tokens are known variants of one name (same group).
pub fn same_group(a: &str, b: &str) -> bool {
    match (group_of(a), group_of(b)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

/// Whether two tokens are known to be different names although their keys may agree (Mohamed and
/// Mahmoud both have the key `mhmd`).
pub fn different_groups(a: &str, b: &str) -> bool {
    match (group_of(a), group_of(b)) {
        (Some(a), Some(b)) => a != b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_same_key(names: &[&str]) {
        let first = key(names[0]);
        for name in names {
            assert_eq!(key(name), first, "{name} vs {}", names[0]);
        }
    }

    #[test]
    fn rules_bring_romanisations_together() {
        all_same_key(&["hussain", "hussein", "husain", "hossain"]);
        all_same_key(&["gurpreet", "gurprit"]);
        all_same_key(&["kaur", "kour"]);
        all_same_key(&["mamadou", "mamadu"]);
        all_same_key(&["coulibaly", "kulibali"]);
        all_same_key(&["khalid", "halid", "khaled"]);
        all_same_key(&["wladimir", "vladimir"]);
        all_same_key(&["rahman", "rehman", "rahmaan"]);
        all_same_key(&["fatimah", "fatima"]);
        all_same_key(&["ousmane", "usman", "osman"]);
    }

    #[test]
    fn variant_groups_share_a_key() {
        all_same_key(&["mohamed", "muhammad", "mohammed", "mohamad", "mohd", "md"]);
        all_same_key(&["singh", "sing"]);
        all_same_key(&["diallo", "jallow", "djalo"]);
        all_same_key(&["oleksandr", "aleksandr", "alexander"]);
        all_same_key(&["abdul", "abdoul"]);
        assert!(same_group("mohd", "muhammad"));
        assert!(!same_group("mohamed", "mahmoud"));
    }

    #[test]
    fn different_names_keep_different_keys() {
        assert_ne!(key("singh"), key("kaur"));
        assert_ne!(key("diallo"), key("bah"));
        assert_ne!(key("ali"), key("omar"));
    }

    #[test]
    fn transliteration_rules() {
        assert_eq!(transliterated("shaikh"), "xaih");
        assert_eq!(transliterated("philippe"), "filipi");
        assert_eq!(transliterated("djibril"), "jibril");
        assert_eq!(transliterated("alexander"), "aliksandir");
        assert_eq!(transliterated("mohammed"), "muhamid");
        assert_eq!(skeleton("muhamid"), "mhmd");
        assert_eq!(skeleton("usman"), "asmn");
    }

    #[test]
    fn every_group_form_is_a_normalised_token() {
        for form in VARIANT_GROUPS.iter().flat_map(|group| group.iter()) {
            assert_eq!(crate::normalise::name_tokens(form), [*form], "{form}");
        }
    }
}
