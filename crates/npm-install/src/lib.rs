//! For build scripts: installs the npm packages a crate bundles, pinned by
//! the `package-lock.json` of one directory, when they are not installed yet.
//!
//! The only step of the build that touches the network is `npm ci` against
//! the npm registry, and it runs only while a marker file is missing, so a
//! build with the packages in place stays offline.

use std::path::Path;
use std::process::Command;

/// Makes sure every `markers` file (relative to `dir`) exists, running
/// `npm ci --no-audit --no-fund` in `dir` if any is missing. `what` names the
/// packages for the messages, e.g. "Bootstrap Italia".
///
/// Prints the `rerun-if-changed` lines for the lock file and the markers, so
/// cargo runs the build script again when either changes.
///
/// # Panics
/// When npm cannot be run or does not install the markers: a build script
/// has no other way to fail, and the message says what to install.
pub fn ensure_installed(dir: &str, markers: &[&str], what: &str) {
    println!("cargo:rerun-if-changed={dir}/package-lock.json");
    for marker in markers {
        println!("cargo:rerun-if-changed={dir}/{marker}");
    }
    let all_there = || markers.iter().all(|marker| Path::new(dir).join(marker).is_file());
    if all_there() {
        return;
    }

    let npm = if cfg!(windows) { "npm.cmd" } else { "npm" };
    let crate_name = std::env::var("CARGO_PKG_NAME").unwrap_or_else(|_| "this crate".into());
    // npm's progress output goes to stderr: cargo reads a build script's stdout for directives.
    let status = Command::new(npm)
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(dir)
        .stdout(std::io::stderr())
        .status();
    match status {
        Ok(status) if status.success() && all_there() => {}
        Ok(status) => panic!(
            "`npm ci` in {dir} did not install {what} ({status}); building {crate_name} needs \
             Node.js and npm (https://nodejs.org) and access to the npm registry"
        ),
        Err(err) => panic!(
            "could not run `{npm}` ({err}); install Node.js and npm (https://nodejs.org) to build \
             {crate_name}: it bundles {what} from the npm registry"
        ),
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::ensure_installed;

    /// An empty directory of this test's own.
    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("soleil-npm-install-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        dir
    }

    #[test]
    fn installed_packages_are_left_alone() {
        // No package.json here: running npm would fail, so passing means it did not run.
        let dir = scratch("present");
        std::fs::create_dir_all(dir.join("node_modules/x")).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.join("node_modules/x/x.js"), "").unwrap_or_else(|e| panic!("{e}"));
        ensure_installed(&dir.to_string_lossy(), &["node_modules/x/x.js"], "x");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    #[should_panic(expected = "did not install the test package")]
    fn a_failed_install_says_what_is_missing() {
        // Without a package-lock.json, `npm ci` refuses at once, offline.
        let dir = scratch("missing");
        ensure_installed(
            &dir.to_string_lossy(),
            &["node_modules/x/x.js"],
            "the test package",
        );
    }
}
