//! Makes sure the npm packages that `src/assets.rs` embeds are installed.
//!
//! Bootstrap Italia comes from the npm registry, pinned by `assets/package-lock.json`.
//! When it is not installed yet, this runs `npm ci` in `assets/`; nothing else touches
//! the network.

use std::path::Path;
use std::process::Command;

const MARKER: &str = "assets/node_modules/bootstrap-italia/dist/css/bootstrap-italia.min.css";

fn main() {
    println!("cargo:rerun-if-changed=assets/package-lock.json");
    println!("cargo:rerun-if-changed=static");
    println!("cargo:rerun-if-changed={MARKER}");

    if Path::new(MARKER).is_file() {
        return;
    }

    let npm = if cfg!(windows) { "npm.cmd" } else { "npm" };
    // npm's progress output goes to stderr: cargo reads this script's stdout for directives.
    let status = Command::new(npm)
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir("assets")
        .stdout(std::io::stderr())
        .status();
    match status {
        Ok(status) if status.success() && Path::new(MARKER).is_file() => {}
        Ok(status) => panic!(
            "`npm ci` in crates/web/assets did not install Bootstrap Italia ({status}); building \
             soleil-web needs Node.js and npm (https://nodejs.org) and access to the npm registry"
        ),
        Err(err) => panic!(
            "could not run `{npm}` ({err}); install Node.js and npm (https://nodejs.org) \
             to build soleil-web: it bundles Bootstrap Italia from the npm registry"
        ),
    }
}
