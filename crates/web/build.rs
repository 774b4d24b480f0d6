//! Makes sure the npm packages that `src/assets.rs` embeds are installed.
//!
//! Bootstrap Italia and Leaflet come from the npm registry, pinned by
//! `assets/package-lock.json`; `soleil-npm-install` runs `npm ci` in `assets/`
//! when either is not installed yet.

fn main() {
    println!("cargo:rerun-if-changed=static");
    soleil_npm_install::ensure_installed(
        "assets",
        &[
            "node_modules/bootstrap-italia/dist/css/bootstrap-italia.min.css",
            "node_modules/leaflet/dist/leaflet.js",
        ],
        "Bootstrap Italia and Leaflet",
    );
}
