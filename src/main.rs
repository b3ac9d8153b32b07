//! The `hotelier` command line.

use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

use hotelier::config::Settings;
use hotelier::db::DatabaseUrl;

#[derive(Parser)]
#[command(name = "hotelier", version, about = "Multi-tenant hotel management admin")]
struct Cli {
    /// postgres://… for PostgreSQL; sqlite://PATH or a file path for SQLite.
    #[arg(long, global = true, env = "DATABASE_URL", default_value = DatabaseUrl::DEFAULT_SQLITE)]
    database_url: String,

    /// Where the default SQLite file and the generated session key live.
    #[arg(long, global = true, env = "HOTELIER_DATA_DIR", default_value = "data")]
    data_dir: std::path::PathBuf,

    /// Start even though the database role is a superuser or has BYPASSRLS.
    #[arg(long, global = true, env = "HOTELIER_ALLOW_RLS_BYPASS")]
    allow_rls_bypass: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run pending migrations and serve HTTP.
    Serve(ServeArgs),
    /// Run pending migrations and exit.
    Migrate,
    /// Run the night audit of one hotel: no-shows, room charges, business date.
    NightAudit {
        /// The organization's slug.
        #[arg(long)]
        tenant: String,
        /// The hotel's code.
        #[arg(long)]
        hotel: String,
        /// The business date to close (default: the hotel's business date, or yesterday).
        #[arg(long)]
        date: Option<chrono::NaiveDate>,
    },
    /// Organizations: `tenant create` onboards one (organization, owner, first hotel).
    Tenant {
        #[command(subcommand)]
        command: TenantCommand,
    },
    /// Fill an empty database with a large dataset for measurements.
    Seed {
        #[arg(long, default_value_t = 10)]
        tenants: usize,
        #[arg(long, default_value_t = 50_000)]
        reservations: usize,
    },
    /// Check that tenant isolation is in force (row-level security, the role, tenant
    /// consistency, orphans). Exits 1 when anything fails.
    Doctor,
    /// Create a platform super admin. The password comes from HOTELIER_PASSWORD or a prompt.
    CreateSuperadmin {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
    },
}

#[derive(Subcommand)]
enum TenantCommand {
    /// Write one organization, with all its data, as a JSON document on stdout.
    Export {
        /// The organization's slug.
        slug: String,
        /// Leave out the members' password hashes (they will have to set a new password).
        #[arg(long)]
        without_credentials: bool,
    },
    /// Read an organization exported by `tenant export` into this database, ids preserved.
    /// Refuses (writing nothing) if its id, slug or any row id exists here.
    Import {
        /// The export file; `-` reads stdin.
        file: std::path::PathBuf,
    },
    /// Create an organization, its owner and its first hotel in one transaction. The owner's
    /// password comes from HOTELIER_PASSWORD, or is generated and printed once.
    Create(Box<CreateArgs>),
}

#[derive(clap::Args)]
struct CreateArgs {
    #[arg(long)]
    name: String,
    #[arg(long)]
    slug: String,
    #[arg(long, default_value = "independent")]
    kind: String,
    #[arg(long, default_value = "starter")]
    plan: String,
    /// trial (30 days) or active.
    #[arg(long, default_value = "trial")]
    status: String,
    #[arg(long, default_value = "USD")]
    currency: String,
    #[arg(long, default_value = "UTC")]
    timezone: String,
    #[arg(long, default_value = "en")]
    locale: String,
    #[arg(long)]
    owner_email: String,
    #[arg(long)]
    owner_name: String,
    #[arg(long)]
    hotel_code: String,
    #[arg(long)]
    hotel_name: String,
}

#[derive(clap::Args)]
struct ServeArgs {
    #[arg(long, env = "HOTELIER_BIND", default_value = "127.0.0.1:8080")]
    bind: String,
    /// Seed demo organizations, hotels and bookings into an empty database.
    #[arg(long)]
    demo: bool,
    /// Mark session cookies Secure (serve behind HTTPS).
    #[arg(long, env = "HOTELIER_SECURE_COOKIES")]
    secure_cookies: bool,
    /// Session key (at least 64 bytes of text). Without it one is generated and kept in the data directory.
    #[arg(long, env = "HOTELIER_SESSION_KEY", hide_env_values = true)]
    session_key: Option<String>,
    /// Database connections in the pool.
    #[arg(long, env = "HOTELIER_POOL_SIZE")]
    pool_size: Option<u32>,
    /// Milliseconds a request waits for a free database connection before answering 503.
    #[arg(long, env = "HOTELIER_POOL_TIMEOUT_MS", default_value_t = 1000)]
    pool_timeout_ms: u64,
    /// Milliseconds before a request's database statement is cancelled (PostgreSQL; 503).
    #[arg(long, env = "HOTELIER_STATEMENT_TIMEOUT_MS", default_value_t = 5000)]
    statement_timeout_ms: u64,
    /// HTTP worker threads (default: one per core).
    #[arg(long, env = "HOTELIER_WORKERS")]
    workers: Option<usize>,
    /// Minutes of inactivity before a session ends.
    #[arg(long, env = "HOTELIER_SESSION_IDLE_MINUTES", default_value_t = 30)]
    session_idle_minutes: u64,
    /// Bearer token that lets a scraper read /metrics from anywhere (otherwise loopback only).
    #[arg(long, env = "HOTELIER_METRICS_TOKEN", hide_env_values = true)]
    metrics_token: Option<String>,
    /// Seconds an organization's settings and status are cached in this process; changes
    /// made by another instance show within this time. 0 turns the cache off.
    #[arg(long, env = "HOTELIER_TENANT_CACHE_SECONDS", default_value_t = 10)]
    tenant_cache_seconds: u64,
    /// Hours after sign-in before a session ends regardless.
    #[arg(long, env = "HOTELIER_SESSION_MAX_HOURS", default_value_t = 12)]
    session_max_hours: u64,
}

fn main() -> ExitCode {
    hotelier::telemetry::init();
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn settings(cli: &Cli) -> anyhow::Result<Settings> {
    let mut url = DatabaseUrl::parse(&cli.database_url)?;
    // The default file follows --data-dir.
    if cli.database_url == DatabaseUrl::DEFAULT_SQLITE {
        url = DatabaseUrl::Sqlite(cli.data_dir.join("hotelier.db"));
    }
    let mut settings = Settings::for_database(url);
    settings.data_dir = cli.data_dir.clone();
    settings.allow_rls_bypass = cli.allow_rls_bypass;
    Ok(settings)
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let mut settings = settings(&cli)?;
    // Operator commands (seed, import, export) run statements far longer than a page's.
    settings.statement_timeout = std::time::Duration::from_secs(3600);
    match cli.command {
        Command::Serve(args) => {
            settings.bind = args.bind;
            settings.secure_cookies = args.secure_cookies;
            if let Some(key) = args.session_key {
                anyhow::ensure!(key.len() >= 64, "the session key must be at least 64 bytes long");
                settings.session_key = Some(key.into_bytes());
            }
            if let Some(size) = args.pool_size {
                settings.pool.max_size = size.max(1);
            }
            settings.workers = args.workers;
            settings.pool.acquire_timeout = std::time::Duration::from_millis(args.pool_timeout_ms.max(1));
            settings.statement_timeout = std::time::Duration::from_millis(args.statement_timeout_ms.max(1));
            settings.metrics_token = args.metrics_token;
            settings.tenant_cache_ttl = std::time::Duration::from_secs(args.tenant_cache_seconds);
            settings.session_idle_timeout = std::time::Duration::from_secs(args.session_idle_minutes * 60);
            settings.session_absolute_timeout = std::time::Duration::from_secs(args.session_max_hours * 3600);
            serve(settings, args.demo)
        }
        Command::Migrate => {
            let applied = hotelier::startup::migrate_only(&settings)?;
            println!("{} migration(s) applied to {}", applied.len(), settings.database_url.redacted());
            Ok(())
        }
        Command::NightAudit { tenant, hotel, date } => {
            let db = hotelier::startup::prepare_database(&settings)?;
            let report = hotelier::db::ops::night_audit(&db, &tenant, &hotel, date)?;
            println!(
                "night audit {tenant}/{hotel} for {}: {} no-shows, {} room charges posted; business date now {}",
                report.date,
                report.no_shows,
                report.charges_posted,
                report.business_date.map(|d| d.to_string()).unwrap_or_default()
            );
            Ok(())
        }
        Command::Tenant { command: TenantCommand::Create(args) } => {
            let a = *args;
            let form = hotelier::web::platform::OnboardForm {
                name: a.name,
                slug: a.slug,
                kind: a.kind,
                plan: a.plan,
                status: a.status,
                currency: a.currency,
                timezone: a.timezone,
                locale: a.locale,
                owner_email: a.owner_email,
                owner_name: a.owner_name,
                owner_password: std::env::var("HOTELIER_PASSWORD").unwrap_or_default(),
                hotel_code: a.hotel_code,
                hotel_name: a.hotel_name,
            };
            let parsed = form.parse().map_err(|errors| anyhow::anyhow!("{}", errors.summary()))?;
            let db = hotelier::startup::prepare_database(&settings)?;
            let done = hotelier::db::ops::create_tenant(&db, &parsed.onboarding)?;
            println!(
                "organization {} ({}) created with owner {} and hotel {}",
                done.tenant.name, done.tenant.slug, done.owner.email, done.hotel.code
            );
            if done.new_account && parsed.generated {
                println!("the owner's initial password (shown once): {}", parsed.password);
            }
            Ok(())
        }
        Command::Tenant { command: TenantCommand::Export { slug, without_credentials } } => {
            let db = hotelier::startup::prepare_database(&settings)?;
            let started = std::time::Instant::now();
            let stdout = std::io::stdout().lock();
            let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout);
            let options = hotelier::db::transfer::ExportOptions { credentials: !without_credentials };
            let counts = hotelier::db::ops::export_tenant(&db, &slug, &mut out, options)?;
            eprintln!("exported {slug} in {:.1}s: {counts}", started.elapsed().as_secs_f64());
            Ok(())
        }
        Command::Tenant { command: TenantCommand::Import { file } } => {
            let db = hotelier::startup::prepare_database(&settings)?;
            let started = std::time::Instant::now();
            let input: Box<dyn std::io::Read> = if file.as_os_str() == "-" {
                Box::new(std::io::stdin().lock())
            } else {
                Box::new(std::fs::File::open(&file).with_context(|| format!("cannot open {}", file.display()))?)
            };
            let done = hotelier::db::transfer::import(&db, input)?;
            println!(
                "imported {} ({}) in {:.1}s: {}; {} account(s) linked by email, {} created",
                done.tenant.name,
                done.tenant.slug,
                started.elapsed().as_secs_f64(),
                done.counts,
                done.linked_users,
                done.created_users
            );
            Ok(())
        }
        Command::Seed { tenants, reservations } => {
            let db = hotelier::startup::prepare_database(&settings)?;
            let started = std::time::Instant::now();
            let report = hotelier::db::bulk::seed(&db, tenants, reservations)?;
            println!(
                "seeded {} organizations and {} reservations in {:.1}s; the big one, `{}`, has {} (login staff@{}.seed / hotelier-seed)",
                report.tenants,
                report.reservations,
                started.elapsed().as_secs_f64(),
                report.big_tenant,
                report.big_reservations,
                report.big_tenant
            );
            Ok(())
        }
        Command::Doctor => {
            let db = hotelier::startup::connect(&settings)?;
            let report = hotelier::db::ops::isolation_report(&db)?;
            print!("{}", report.to_text());
            anyhow::ensure!(
                report.verdict() != hotelier::db::isolation::Verdict::Fail,
                "isolation health failed:\n  {}",
                report.problems().join("\n  ")
            );
            Ok(())
        }
        Command::CreateSuperadmin { email, name } => {
            let password = match std::env::var("HOTELIER_PASSWORD") {
                Ok(p) => p,
                Err(_) => rpassword::prompt_password("Password for the new super admin: ")
                    .context("cannot read the password")?,
            };
            let db = hotelier::startup::prepare_database(&settings)?;
            let id = hotelier::db::ops::create_superadmin(&db, &email, &name, &password)?;
            println!("super admin {email} created ({id})");
            Ok(())
        }
    }
}

fn serve(settings: Settings, demo: bool) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let db = hotelier::startup::prepare_database(&settings)?;
    if demo {
        match hotelier::seed::demo::seed_if_empty(&db)? {
            Some(report) => println!("{report}"),
            None => println!(
                "Demo data: the database already has organizations; nothing seeded.\n{}",
                hotelier::seed::demo::LOGINS
            ),
        }
    }
    actix_web::rt::System::new().block_on(async move {
        let app = hotelier::Application::build(settings.clone(), db)?;
        tracing::info!(
            url = %format!("http://{}", settings.bind),
            database = %settings.database_url.redacted(),
            ready_in_ms = started.elapsed().as_millis() as u64,
            "Hotelier is serving"
        );
        app.run_until_stopped().await.context("server stopped with an error")
    })
}
