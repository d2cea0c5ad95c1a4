//! `rootwise-hub`: the team hub's service and its administration.
//!
//! ```text
//! rootwise-hub serve [--listen 127.0.0.1:8787]
//! rootwise-hub user add NAME            # prints the user's token
//! rootwise-hub token add USER           # another token for USER
//! rootwise-hub token revoke (--user USER | --token TOKEN)
//! rootwise-hub workspace add NAME [--id WORKSPACE_ID]
//! rootwise-hub workspace list
//! rootwise-hub member add WORKSPACE_ID USER
//! rootwise-hub member remove WORKSPACE_ID USER
//! rootwise-hub restored                 # after restoring a backup
//! ```
//! The database: `--database` or `ROOTWISE_HUB_DATABASE` (a libpq
//! connection string or a `postgres://` URL). Every command brings the
//! schema up to date first.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use rootwise_hub::db::HubError;
use rootwise_hub::{admin, db, server};

#[derive(Parser)]
#[command(name = "rootwise-hub", version, about = "The Rootwise team hub")]
struct Cli {
    /// The PostgreSQL database (libpq connection string or postgres:// URL).
    #[arg(long, env = "ROOTWISE_HUB_DATABASE", global = true, default_value = "")]
    database: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serves the hub over HTTP.
    Serve {
        /// The address to listen on (put a TLS-terminating reverse proxy in
        /// front of it for a team; see the README).
        #[arg(long, env = "ROOTWISE_HUB_LISTEN", default_value = "127.0.0.1:8787")]
        listen: String,
        /// The largest request body taken, in bytes.
        #[arg(long, env = "ROOTWISE_HUB_BODY_LIMIT", default_value_t = server::BODY_LIMIT)]
        body_limit: usize,
        /// Connections to PostgreSQL.
        #[arg(long, env = "ROOTWISE_HUB_POOL", default_value_t = 16)]
        pool: usize,
        /// Speak HTTPS with this certificate chain (PEM, leaf first); needs
        /// --tls-key. Without both, plain HTTP (behind a reverse proxy).
        #[arg(long, env = "ROOTWISE_HUB_TLS_CERT")]
        tls_cert: Option<std::path::PathBuf>,
        /// The certificate's private key (PEM).
        #[arg(long, env = "ROOTWISE_HUB_TLS_KEY")]
        tls_key: Option<std::path::PathBuf>,
    },
    /// People.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Team workspaces.
    Workspace {
        #[command(subcommand)]
        command: WorkspaceCommand,
    },
    /// Who belongs to which workspace.
    Member {
        #[command(subcommand)]
        command: MemberCommand,
    },
    /// After restoring the database from a backup: every app pulls from
    /// the beginning again and sends what the backup lacks.
    Restored,
}

#[derive(Subcommand)]
enum UserCommand {
    /// Adds a user and prints their token (shown once).
    Add { name: String },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Prints a new token for a user.
    Add { user: String },
    /// Revokes a user's tokens, or one token; they stop working at once.
    Revoke {
        #[arg(long, conflicts_with = "token", required_unless_present = "token")]
        user: Option<String>,
        #[arg(long)]
        token: Option<String>,
    },
}

#[derive(Subcommand)]
enum WorkspaceCommand {
    /// Adds a workspace and prints its id. `--id`: the id of an existing
    /// Rootwise workspace (the app shows it under Settings → Team).
    Add {
        name: String,
        #[arg(long)]
        id: Option<String>,
    },
    /// Lists the workspaces.
    List,
}

#[derive(Subcommand)]
enum MemberCommand {
    /// Makes a user a member of a workspace.
    Add { workspace: String, user: String },
    /// Takes a user out of a workspace.
    Remove { workspace: String, user: String },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("rootwise-hub: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rootwise-hub: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), HubError> {
    if cli.database.is_empty() {
        return Err(HubError::NoDatabase);
    }
    let size = match &cli.command {
        Command::Serve { pool, .. } => *pool,
        _ => 2,
    };
    let pool = db::pool(&cli.database, size)?;
    db::migrate(&pool).await?;
    match cli.command {
        Command::Serve {
            listen,
            body_limit,
            tls_cert,
            tls_key,
            ..
        } => {
            // The certificate is loaded before the hub says it listens.
            let tls = match (tls_cert, tls_key) {
                (Some(cert), Some(key)) => {
                    Some(server::tls_config(&server::TlsFiles { cert, key }).await?)
                }
                (None, None) => None,
                _ => return Err(HubError::TlsHalf),
            };
            let listener = std::net::TcpListener::bind(&listen)?;
            println!(
                "rootwise-hub: listening on {}://{}",
                if tls.is_some() { "https" } else { "http" },
                listener.local_addr()?
            );
            server::serve(
                listener,
                server::router(server::Hub::new(pool), body_limit),
                tls,
                async {
                    let _ = tokio::signal::ctrl_c().await;
                },
            )
            .await?;
        }
        Command::User {
            command: UserCommand::Add { name },
        } => println!("{}", admin::user_add(&pool, &name).await?),
        Command::Token { command } => match command {
            TokenCommand::Add { user } => println!("{}", admin::token_add(&pool, &user).await?),
            TokenCommand::Revoke { user, token } => {
                let n = match (user, token) {
                    (Some(user), _) => admin::tokens_revoke(&pool, &user).await?,
                    (None, Some(token)) => u64::from(admin::token_revoke(&pool, &token).await?),
                    (None, None) => 0,
                };
                println!("revoked {n}");
            }
        },
        Command::Workspace { command } => match command {
            WorkspaceCommand::Add { name, id } => {
                println!(
                    "{}",
                    admin::workspace_add(&pool, &name, id.as_deref()).await?
                );
            }
            WorkspaceCommand::List => {
                for (id, name, members, changes) in admin::workspaces(&pool).await? {
                    println!("{id}\t{name}\t{members} members\t{changes} changes");
                }
            }
        },
        Command::Restored => {
            admin::restored(&pool).await?;
            println!("every app will pull from the beginning at its next sync");
        }
        Command::Member { command } => match command {
            MemberCommand::Add { workspace, user } => {
                admin::member_add(&pool, &workspace, &user).await?;
            }
            MemberCommand::Remove { workspace, user } => {
                if !admin::member_remove(&pool, &workspace, &user).await? {
                    return Err(HubError::NotAMember { user, workspace });
                }
            }
        },
    }
    Ok(())
}
