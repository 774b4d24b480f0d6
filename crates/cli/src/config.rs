//! Settings, from flags or `SOLEIL_*` environment variables. The database URL
//! may hold a password, so it is never printed as given.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;

#[derive(clap::Args)]
pub struct Config {
    /// Address and port to listen on.
    #[arg(long, env = "SOLEIL_BIND", default_value = "127.0.0.1:8080", global = true)]
    pub bind: SocketAddr,
    /// Where the embedded SQLite database lives, when no URL is given.
    #[arg(long, env = "SOLEIL_DATA_DIR", default_value = "./soleil-data", global = true)]
    pub data_dir: PathBuf,
    /// A PostgreSQL URL (postgres://…) or sqlite://PATH; SQLite in the data directory when absent.
    #[arg(long, env = "SOLEIL_DATABASE_URL", hide_env_values = true, global = true)]
    pub database_url: Option<String>,
    /// Send cookies only over HTTPS; turn on when SOLEIL is reached through TLS.
    #[arg(long, env = "SOLEIL_SECURE_COOKIES", global = true)]
    pub secure_cookies: bool,
    /// Tile server of the directory's maps: a URL template with {z}, {x} and {y}; empty for no
    /// tiles (markers on a plain background, e.g. on a closed network).
    #[arg(long, env = "SOLEIL_MAP_TILES", default_value = soleil_web::MapTiles::OPENSTREETMAP_URL,
          value_parser = usable_tile_url, global = true)]
    pub map_tiles: String,
    /// The credit the tile server's licence asks for, shown in the map's corner (HTML).
    #[arg(long, env = "SOLEIL_MAP_ATTRIBUTION", default_value = soleil_web::MapTiles::OPENSTREETMAP_ATTRIBUTION, global = true)]
    pub map_attribution: String,
}

/// Refuses, when the flags are read, a tile URL the maps could not use.
fn usable_tile_url(url: &str) -> Result<String, String> {
    soleil_web::MapTiles::new(url, "").map(|_| url.to_owned())
}

impl Config {
    /// The database to open, creating the data directory for SQLite.
    pub fn database_url(&self) -> anyhow::Result<String> {
        if let Some(url) = &self.database_url {
            return Ok(url.clone());
        }
        std::fs::create_dir_all(&self.data_dir)
            .with_context(|| format!("cannot create the data directory {}", self.data_dir.display()))?;
        Ok(format!("sqlite://{}", self.data_dir.join("soleil.db").display()))
    }

    pub fn web(&self) -> soleil_web::WebSettings {
        // `usable_tile_url` checked the URL when the flags were read.
        let map_tiles = soleil_web::MapTiles::new(&self.map_tiles, &self.map_attribution)
            .unwrap_or_else(|_| soleil_web::MapTiles::none());
        soleil_web::WebSettings {
            secure_cookies: self.secure_cookies,
            map_tiles,
        }
    }

    /// The database for messages: its kind and place, never its credentials.
    pub fn describe_database(&self) -> String {
        match &self.database_url {
            Some(url) if url.starts_with("postgres") => {
                let host = url.rsplit('@').next().unwrap_or("PostgreSQL");
                format!("postgres://…@{host}")
            }
            Some(url) => url.clone(),
            None => self.data_dir.join("soleil.db").display().to_string(),
        }
    }
}
