//! The `hotelier` command line: its flags (clap) and one function per command. `main`
//! parses and calls [`run`]; every command goes through the same library functions as
//! the web app (`startup`, `db::ops`, `db::transfer`, `seed`).

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use clap::{Parser, Subcommand};

use crate::config::{DatabaseArgs, ServeArgs, Settings};
use crate::domain::onboarding::{NewOrganization, OnboardingRequest};
use crate::i18n::{Msg, Tr};

/// A line for the person at the terminal: the command line speaks English (`cli-*`).
fn say(msg: Msg) -> String {
    Tr::english().msg(&msg)
}

#[derive(Parser)]
#[command(name = "hotelier", version, about = "Multi-tenant hotel management admin")]
pub struct Cli {
    #[command(flatten)]
    database: DatabaseArgs,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run pending migrations and serve HTTP.
    Serve(Box<ServeArgs>),
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
        file: PathBuf,
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

impl CreateArgs {
    /// What the web's onboarding form would hold; the owner's password from the environment.
    fn into_request(self) -> OnboardingRequest {
        OnboardingRequest {
            name: self.name,
            slug: self.slug,
            kind: self.kind,
            plan: self.plan,
            status: self.status,
            currency: self.currency,
            timezone: self.timezone,
            locale: self.locale,
            owner_email: self.owner_email,
            owner_name: self.owner_name,
            owner_password: std::env::var("HOTELIER_PASSWORD").unwrap_or_default(),
            hotel_code: self.hotel_code,
            hotel_name: self.hotel_name,
        }
    }
}

/// Runs one command line.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    let settings = Settings::try_from(&cli.database)?;
    match cli.command {
        Command::Serve(args) => serve(settings, *args),
        Command::Migrate => migrate(&settings),
        Command::NightAudit { tenant, hotel, date } => night_audit(&settings, &tenant, &hotel, date),
        Command::Tenant { command: TenantCommand::Create(args) } => create_tenant(&settings, *args),
        Command::Tenant { command: TenantCommand::Export { slug, without_credentials } } => {
            export_tenant(&settings, &slug, without_credentials)
        }
        Command::Tenant { command: TenantCommand::Import { file } } => import_tenant(&settings, &file),
        Command::Seed { tenants, reservations } => seed(&settings, tenants, reservations),
        Command::Doctor => doctor(&settings),
        Command::CreateSuperadmin { email, name } => create_superadmin(&settings, &email, &name),
    }
}

fn serve(settings: Settings, args: ServeArgs) -> anyhow::Result<()> {
    if let Some(key) = &args.session_key {
        anyhow::ensure!(key.len() >= 64, "the session key must be at least 64 bytes long");
    }
    let demo = args.demo;
    let settings = settings.serving(args);
    let started = Instant::now();
    // Before anything is written: a second server on one SQLite file is refused whole.
    let _sqlite = crate::startup::claim_sqlite(&settings.database_url)?;
    let db = crate::startup::prepare_database(&settings)?;
    if demo {
        match crate::seed::demo::seed_if_empty(&db)? {
            Some(report) => println!("{report}"),
            None => println!("{}\n{}", say(Msg::new("cli-demo-not-seeded")), crate::seed::demo::LOGINS),
        }
    }
    actix_web::rt::System::new().block_on(async move {
        let app = crate::Application::build(settings.clone(), db)?;
        tracing::info!(
            url = %format!("http://{}", settings.bind),
            database = %settings.database_url.redacted(),
            ready_in_ms = started.elapsed().as_millis() as u64,
            "Hotelier is serving"
        );
        app.run_until_stopped().await.context("server stopped with an error")
    })
}

fn migrate(settings: &Settings) -> anyhow::Result<()> {
    let applied = crate::startup::migrate_only(settings)?;
    let database = settings.database_url.redacted();
    println!("{}", say(Msg::new("cli-migrated").arg("count", applied.len()).arg("database", database)));
    Ok(())
}

fn night_audit(settings: &Settings, tenant: &str, hotel: &str, date: Option<chrono::NaiveDate>) -> anyhow::Result<()> {
    let db = crate::startup::prepare_database(settings)?;
    let report = crate::db::ops::night_audit(&db, tenant, hotel, date)?;
    let line = Msg::new("cli-night-audit")
        .arg("tenant", tenant)
        .arg("hotel", hotel)
        .arg("date", report.date.to_string())
        .arg("no_shows", report.no_shows)
        .arg("charges", report.charges_posted)
        .arg("business_date", report.business_date.map(|d| d.to_string()).unwrap_or_default());
    println!("{}", say(line));
    Ok(())
}

fn create_tenant(settings: &Settings, args: CreateArgs) -> anyhow::Result<()> {
    let org = NewOrganization::try_from(&args.into_request())?;
    let db = crate::startup::prepare_database(settings)?;
    let done = crate::db::ops::create_tenant(&db, &(&org).into())?;
    let line = Msg::new("cli-tenant-created")
        .arg("name", &done.tenant.name)
        .arg("slug", &done.tenant.slug)
        .arg("owner", &done.owner.email)
        .arg("hotel", &done.hotel.code);
    println!("{}", say(line));
    if let Some(password) = org.password_to_show(done.new_account) {
        println!("{}", say(Msg::new("cli-initial-password").arg("password", password)));
    }
    Ok(())
}

fn export_tenant(settings: &Settings, slug: &str, without_credentials: bool) -> anyhow::Result<()> {
    let db = crate::startup::prepare_database(settings)?;
    let started = Instant::now();
    let stdout = std::io::stdout().lock();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout);
    let options = crate::db::transfer::ExportOptions { credentials: !without_credentials };
    let counts = crate::db::ops::export_tenant(&db, slug, &mut out, options)?;
    let seconds = format!("{:.1}", started.elapsed().as_secs_f64());
    eprintln!(
        "{}",
        say(Msg::new("cli-exported").arg("slug", slug).arg("seconds", seconds).arg("counts", counts.to_string()))
    );
    Ok(())
}

fn import_tenant(settings: &Settings, file: &std::path::Path) -> anyhow::Result<()> {
    let db = crate::startup::prepare_database(settings)?;
    let started = Instant::now();
    let input: Box<dyn std::io::Read> = if file.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(file).with_context(|| format!("cannot open {}", file.display()))?)
    };
    let done = crate::db::transfer::import(&db, input)?;
    let line = Msg::new("cli-imported")
        .arg("name", &done.tenant.name)
        .arg("slug", &done.tenant.slug)
        .arg("seconds", format!("{:.1}", started.elapsed().as_secs_f64()))
        .arg("counts", done.counts.to_string())
        .arg("linked", done.linked_users)
        .arg("created", done.created_users);
    println!("{}", say(line));
    Ok(())
}

fn seed(settings: &Settings, tenants: usize, reservations: usize) -> anyhow::Result<()> {
    let db = crate::startup::prepare_database(settings)?;
    let started = Instant::now();
    let report = crate::db::bulk::seed(&db, tenants, reservations)?;
    let line = Msg::new("cli-seeded")
        .arg("tenants", report.tenants)
        .arg("reservations", report.reservations)
        .arg("seconds", format!("{:.1}", started.elapsed().as_secs_f64()))
        .arg("big", &report.big_tenant)
        .arg("big_reservations", report.big_reservations);
    println!("{}", say(line));
    Ok(())
}

fn doctor(settings: &Settings) -> anyhow::Result<()> {
    let db = crate::startup::connect(settings)?;
    let report = crate::db::ops::isolation_report(&db)?;
    print!("{}", report.to_text());
    anyhow::ensure!(
        report.verdict() != crate::db::isolation::Verdict::Fail,
        "isolation health failed:\n  {}",
        report.problems().join("\n  ")
    );
    Ok(())
}

fn create_superadmin(settings: &Settings, email: &str, name: &str) -> anyhow::Result<()> {
    let password = match std::env::var("HOTELIER_PASSWORD") {
        Ok(p) => p,
        Err(_) => rpassword::prompt_password(say(Msg::new("cli-password-prompt")) + " ")
            .context("cannot read the password")?,
    };
    let db = crate::startup::prepare_database(settings)?;
    let id = crate::db::ops::create_superadmin(&db, email, name, &password)?;
    println!("{}", say(Msg::new("cli-superadmin-created").arg("email", email).arg("id", id.to_string())));
    Ok(())
}
