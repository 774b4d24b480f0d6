//! The `soleil` binary: one command for every way of running SOLEIL.

mod config;
mod dedup;
mod report;

use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use soleil_app::accounts::UserInput;
use soleil_app::{App, Settings};
use soleil_domain::{OrganisationId, Role};

use crate::config::Config;

#[derive(Parser)]
#[command(
    name = "soleil",
    version,
    about = "Case management and referral for networks against labour exploitation"
)]
struct Cli {
    #[command(flatten)]
    config: Config,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serves the pages and the API.
    Serve,
    /// Loads the demo network (once) and serves it.
    Demo,
    /// Brings the database schema up to date, then exits.
    Migrate,
    /// Manages users.
    #[command(subcommand)]
    User(UserCommand),
    /// Manages API tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Writes a report for a region and a period: counts only, never a person.
    Report(report::ReportArgs),
    /// Groups the rows of a CSV file of persons that are the same person (no database needed).
    Dedup(dedup::DedupArgs),
}

#[derive(Subcommand)]
enum UserCommand {
    /// Adds a user; the password is read from SOLEIL_PASSWORD.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        #[arg(long, value_parser = parse_role)]
        role: Role,
        /// The organisation's id; not needed for admin and auditor.
        #[arg(long)]
        organisation: Option<OrganisationId>,
        #[arg(long, env = "SOLEIL_PASSWORD", hide_env_values = true)]
        password: String,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Prints a new API token for a user.
    Create {
        #[arg(long)]
        email: String,
    },
}

fn parse_role(text: &str) -> Result<Role, String> {
    text.parse().map_err(|_| {
        let roles: Vec<&str> = Role::all().map(Role::as_str).collect();
        format!("unknown role {text:?}; one of: {}", roles.join(", "))
    })
}

#[tokio::main]
async fn main() -> ExitCode {
    // Logs go to standard error: standard output carries what a command
    // answers (a token, a report).
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("SOLEIL_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn")),
        )
        .init();
    let cli = Cli::parse();
    if let Command::Dedup(args) = &cli.command {
        return dedup::main(args);
    }
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("soleil: {error:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let url = cli.config.database_url()?;
    let app = App::open(&url, Settings::default())
        .await
        .with_context(|| format!("cannot open the database at {}", cli.config.describe_database()))?;
    match cli.command {
        Command::Migrate => println!(
            "database schema is up to date ({})",
            cli.config.describe_database()
        ),
        Command::Serve => serve(app.clone(), &cli.config).await?,
        Command::Demo => {
            let summary = app.load_demo().await.context("cannot load the demo data")?;
            if summary.already_loaded {
                println!("demo data already loaded");
            } else {
                println!(
                    "demo data loaded: {} organisations, {} users, {} persons",
                    summary.organisations, summary.users, summary.persons
                );
            }
            println!("demo accounts (password {}):", soleil_app::demo::DEMO_PASSWORD);
            for (email, role) in &summary.accounts {
                println!("  {email:<45} {role}");
            }
            serve(app.clone(), &cli.config).await?;
        }
        Command::User(UserCommand::Add {
            email,
            name,
            role,
            organisation,
            password,
        }) => {
            let input = UserInput {
                email,
                display_name: name,
                role,
                organisation_id: organisation,
                password,
            };
            let user = app.create_user_unattended(&input).await.map_err(describe)?;
            println!("user {} created with role {}", user.email, user.role);
        }
        Command::Token(TokenCommand::Create { email }) => {
            let token = app.create_api_token(&email).await.map_err(describe)?;
            println!("{token}");
        }
        Command::Report(args) => report::run(&app, &args).await?,
        Command::Dedup(_) => {} // handled before opening the database
    }
    app.close().await;
    Ok(())
}

async fn serve(app: App, config: &Config) -> anyhow::Result<()> {
    tokio::spawn(end_expired_allocations(app.clone()));
    tokio::spawn(prepare_monitoring(app.clone()));
    println!("SOLEIL listening on http://{}", config.bind);
    soleil_web::serve(app, config.bind, config.web())
        .await
        .with_context(|| format!("cannot serve on {}", config.bind))
}

/// How often allocations past their last night are looked for.
const EXPIRY_PERIOD: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Releases allocations whose last night has passed, and raises the
/// permit-expiry reminders due: at start, then every
/// [`EXPIRY_PERIOD`] while the server runs. A failed round is logged and
/// the next one tries again; other instances may run it too.
/// Loads the monitoring's copy of the milestones while the server already
/// answers: a dashboard asked meanwhile waits for this load, not a second one.
async fn prepare_monitoring(app: App) {
    let started = std::time::Instant::now();
    match app.prepare_monitoring().await {
        Ok(()) => tracing::info!(
            elapsed_ms = started.elapsed().as_millis(),
            "monitoring copy loaded"
        ),
        Err(error) => tracing::error!(%error, "cannot load the monitoring copy; the first dashboard will"),
    }
}

async fn end_expired_allocations(app: App) {
    let mut ticks = tokio::time::interval(EXPIRY_PERIOD);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        match app.end_expired_allocations_today().await {
            Ok(0) => {}
            Ok(ended) => tracing::info!(ended, "allocations past their last night released"),
            Err(error) => tracing::error!(%error, "cannot release allocations past their last night"),
        }
        // Permits expiring soon: raising a reminder twice is harmless, so the
        // same round does it.
        match app.raise_permit_reminders_today().await {
            Ok(0) => {}
            Ok(raised) => tracing::info!(raised, "permit-expiry reminders raised"),
            Err(error) => tracing::error!(%error, "cannot raise permit-expiry reminders"),
        }
    }
}

/// A use-case error as one readable line, with the fields that are wrong.
fn describe(error: soleil_app::AppError) -> anyhow::Error {
    match error {
        soleil_app::AppError::Invalid(invalid) => anyhow::anyhow!("{invalid}"),
        other => anyhow::anyhow!(other),
    }
}
