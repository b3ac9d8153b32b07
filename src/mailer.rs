//! The outbox worker: sends what is due through SMTP (or to `.eml` files), exactly once.
//!
//! Each round claims a batch of due messages with a lease (`db::messages::Outbox::claim`:
//! `FOR UPDATE SKIP LOCKED` on PostgreSQL, SQLite's writer lock), hands each to the
//! transport, and records the outcome right after the server answered: sent only once
//! the SMTP server accepted it. A worker that dies after claiming leaves its messages
//! to the first worker that finds their lease over; one that dies between the server's
//! acceptance and the record would send again, which the stable `Message-ID` (the
//! outbox id) lets mail systems recognize. Temporary failures wait (`retry_delay`);
//! permanent ones (5xx, a bad address) fail at once and flag the guest's address; after
//! `MAX_ATTEMPTS` a message is failed.
//!
//! An instance runs several senders (`--mail-senders`, 4 by default), each a worker of its
//! own: an SMTP send waits on the server's answer at each step (and on loopback, on the
//! delayed acknowledgement of the message's last line), so one sender alone would spend
//! most of its time waiting. The plan's monthly cap is read once per organization and
//! round by each sender, so senders (like instances) may together pass it by at most a
//! batch each.
//!
//! May use: `db` (through a `PlatformScope`), `stays::messages` (rendering what it claims),
//! `domain`, `config`. Never `web`.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::{FileTransport, Message, SmtpTransport, Transport as _};

use crate::config::MailSettings;
use std::collections::HashMap;

use crate::db::messages::{Delivery, OutboxMessage, CAP_REACHED};
use crate::db::{Access, Db, DbResult, PlatformGrant};
use crate::domain::messages::{month_start, retry_delay, MAX_ATTEMPTS};
use crate::domain::{TenantId, Timestamp};

/// Where messages go.
#[derive(Clone)]
pub enum Transport {
    Smtp(Box<SmtpTransport>),
    /// One `.eml` file per message in this directory.
    Files(PathBuf),
}

/// Why the configured SMTP URL cannot be used. Never shows the password.
#[derive(Debug, thiserror::Error)]
#[error("the SMTP URL {url} cannot be used: {why}")]
pub struct UrlProblem {
    url: String,
    why: String,
}

impl Transport {
    /// The transport of `settings`: SMTP when a URL is configured, else files under
    /// `data_dir/outbox`.
    pub fn of(settings: &MailSettings, data_dir: &std::path::Path) -> Result<Self, UrlProblem> {
        match &settings.smtp_url {
            Some(url) => Ok(Self::Smtp(Box::new(smtp(url)?))),
            None => {
                let dir = data_dir.join("outbox");
                std::fs::create_dir_all(&dir)
                    .map_err(|e| UrlProblem { url: dir.display().to_string(), why: e.to_string() })?;
                Ok(Self::Files(dir))
            }
        }
    }

    fn send(&self, message: &Message) -> Result<(), SendError> {
        match self {
            Self::Smtp(smtp) => smtp.send(message).map(drop).map_err(|e| {
                let permanent = e.is_permanent();
                SendError { text: plain(&e.to_string()), permanent }
            }),
            Self::Files(dir) => FileTransport::new(dir)
                .send(message)
                .map(drop)
                .map_err(|e| SendError { text: e.to_string(), permanent: false }),
        }
    }

    /// What the logs may say about the transport.
    pub fn describe(&self) -> String {
        match self {
            Self::Smtp(_) => "SMTP".into(),
            Self::Files(dir) => format!("files in {}", dir.display()),
        }
    }
}

/// `smtp://user:pass@host:587` asks for STARTTLS (`?tls=none` for a local relay without
/// it, `?tls=opportunistic`), `smtps://` for TLS from the start.
fn smtp(url: &str) -> Result<SmtpTransport, UrlProblem> {
    let problem = |why: String| UrlProblem { url: redact(url), why };
    let mut parsed = url::Url::parse(url).map_err(|e| problem(e.to_string()))?;
    let tls = parsed.query_pairs().find(|(k, _)| k == "tls").map(|(_, v)| v.into_owned());
    let others: Vec<(String, String)> =
        parsed.query_pairs().filter(|(k, _)| k != "tls").map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    let tls = match (parsed.scheme(), tls.as_deref()) {
        ("smtp", None) => Some("required"),
        ("smtp", Some("none")) => None,
        (_, other) => other,
    };
    {
        let mut q = parsed.query_pairs_mut();
        q.clear();
        q.extend_pairs(others);
        if let Some(tls) = tls {
            q.append_pair("tls", tls);
        }
    }
    if parsed.query() == Some("") {
        parsed.set_query(None);
    }
    let builder = SmtpTransport::from_url(parsed.as_str()).map_err(|e| problem(plain(&e.to_string())))?;
    Ok(builder.timeout(Some(Duration::from_secs(30))).build())
}

/// `url` with its password replaced, for messages and logs.
pub fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("redacted"));
            u.to_string()
        }
        Ok(u) => u.to_string(),
        Err(_) => "(not a URL)".into(),
    }
}

fn plain(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct SendError {
    text: String,
    permanent: bool,
}

/// The guest's language, for mail readers and screen readers.
#[derive(Clone)]
struct ContentLanguage(String);

impl Header for ContentLanguage {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Content-Language")
    }
    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self(s.to_owned()))
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// The email of outbox message `m` (rendered): from the hotel's name at the platform's
/// address, replies to the hotel, a text and an HTML part.
pub fn email(m: &OutboxMessage, envelope_from: &str) -> Result<Message, String> {
    let text = |field: &Option<String>| field.clone().ok_or_else(|| format!("message {} is not rendered", m.id));
    let recipient = text(&m.recipient)?;
    let from_address = envelope_from.parse().map_err(|e| format!("the platform's sender address: {e}"))?;
    let to: Mailbox = recipient.parse().map_err(|e| format!("invalid address {recipient}: {e}"))?;
    let mut builder = Message::builder()
        .from(Mailbox::new(m.from_name.clone(), from_address))
        .to(to)
        .subject(text(&m.subject)?)
        .message_id(Some(format!("<{}@hotelier>", m.id)))
        .header(ContentLanguage(text(&m.language)?));
    if let Some(reply) = m.reply_to.as_deref().and_then(|r| r.parse::<Mailbox>().ok()) {
        builder = builder.reply_to(reply);
    }
    let body = MultiPart::alternative()
        .singlepart(SinglePart::builder().header(ContentType::TEXT_PLAIN).body(text(&m.body_text)?))
        .singlepart(SinglePart::builder().header(ContentType::TEXT_HTML).body(text(&m.body_html)?));
    builder.multipart(body).map_err(|e| e.to_string())
}

/// One worker: its name in the outbox's `claimed_by`, its lease and batch.
#[derive(Clone)]
pub struct Worker {
    pub id: String,
    pub db: Db,
    pub transport: Transport,
    pub envelope_from: String,
    pub lease: Duration,
    pub batch: i64,
}

impl Worker {
    pub fn new(db: Db, transport: Transport, settings: &MailSettings) -> Self {
        let id = format!("{}-{}", hostname(), uuid::Uuid::now_v7().simple());
        Self { id, db, transport, envelope_from: settings.from.clone(), lease: settings.lease, batch: settings.batch }
    }

    /// Claims what is due now, and renders the events among it in the same transaction
    /// (`stays::messages::render_claimed`): answers what to send.
    pub fn claim(&self) -> DbResult<Vec<OutboxMessage>> {
        Ok(self.claim_due()?.0)
    }

    /// What to send, and how many were claimed (with those set aside).
    fn claim_due(&self) -> DbResult<(Vec<OutboxMessage>, usize)> {
        let now = Timestamp::now();
        let lease = chrono::Duration::from_std(self.lease).unwrap_or(chrono::Duration::seconds(60));
        let until = Timestamp(now.0 + lease);
        self.db.platform_untracked(&PlatformGrant::operator(), |p| {
            let claimed = p.outbox().claim(&self.id, now, until, self.batch)?;
            let count = claimed.len();
            Ok((crate::stays::messages::render_claimed(p, &self.id, claimed)?, count))
        })
    }

    /// Sends one claimed message and records how it went.
    pub fn deliver(&self, m: &OutboxMessage) -> DbResult<Delivery> {
        let outcome = match email(m, &self.envelope_from) {
            Err(why) => Delivery::Failed { error: why, bounced: true },
            Ok(message) => match self.transport.send(&message) {
                Ok(()) => Delivery::Sent,
                Err(e) if e.permanent => Delivery::Failed { error: e.text, bounced: true },
                Err(e) if m.attempts >= MAX_ATTEMPTS => Delivery::Failed { error: e.text, bounced: false },
                Err(e) => {
                    Delivery::Later { error: e.text, at: Timestamp(Timestamp::now().0 + retry_delay(m.attempts)) }
                }
            },
        };
        match &outcome {
            Delivery::Sent => tracing::debug!(message = %m.id, "message sent"),
            Delivery::Later { error, .. } => {
                tracing::warn!(message = %m.id, attempts = m.attempts, %error, "message will be tried again")
            }
            Delivery::Failed { error, .. } => {
                tracing::warn!(message = %m.id, attempts = m.attempts, %error, "message failed")
            }
        }
        let recorded =
            self.db.platform_untracked(&PlatformGrant::operator(), |p| p.outbox().finish(m, &self.id, &outcome))?;
        if !recorded {
            tracing::warn!(message = %m.id, "the message's lease ran out before its send was recorded");
        }
        Ok(outcome)
    }

    /// One round: claims a batch and sends it, within each organization's monthly cap
    /// (read once per organization and round; beyond it a message fails with why).
    /// Answers how many were claimed, those set aside included.
    pub fn round(&self) -> DbResult<usize> {
        let (claimed, count) = self.claim_due()?;
        let mut left: HashMap<TenantId, Option<i64>> = HashMap::new();
        for m in &claimed {
            let budget = match left.get(&m.tenant_id) {
                Some(b) => *b,
                None => {
                    let since = month_start(chrono::Utc::now());
                    let b = self.db.platform(&PlatformGrant::operator(), Access::Read, |p| {
                        p.outbox().allowance_left(m.tenant_id, since)
                    })?;
                    left.insert(m.tenant_id, b);
                    b
                }
            };
            if budget == Some(0) {
                let capped = Delivery::Failed { error: CAP_REACHED.into(), bounced: false };
                self.db.platform_untracked(&PlatformGrant::operator(), |p| p.outbox().finish(m, &self.id, &capped))?;
                continue;
            }
            if self.deliver(m)? == Delivery::Sent {
                if let Some(Some(n)) = left.get_mut(&m.tenant_id) {
                    *n -= 1;
                }
            }
        }
        Ok(count)
    }

    /// `settings.senders` workers, each on a thread of its own with its own name, rounds
    /// and claims (the leases keep them apart, as they keep instances apart), sharing the
    /// transport's connection pool. An SMTP send waits on the server at each step, so one
    /// sender alone spends most of its time waiting.
    pub fn spawn_senders(db: &Db, transport: &Transport, settings: &MailSettings) -> Vec<WorkerHandle> {
        (0..settings.senders.max(1))
            .map(|_| Worker::new(db.clone(), transport.clone(), settings).spawn(settings.poll))
            .collect()
    }

    /// Runs rounds on a thread of its own until the handle is stopped or dropped; waits
    /// `poll` after a round that found nothing.
    pub fn spawn(self, poll: Duration) -> WorkerHandle {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        tracing::info!(worker = %self.id, transport = %self.transport.describe(), "outbox worker started");
        let thread = std::thread::Builder::new()
            .name("outbox".into())
            .spawn(move || {
                while !flag.load(Ordering::Relaxed) {
                    match self.round() {
                        Ok(n) if n > 0 => continue,
                        Ok(_) => {}
                        Err(e) => tracing::warn!(error = %e, "outbox round failed"),
                    }
                    sleep_unless(&flag, poll);
                }
            })
            .expect("spawn the outbox worker");
        WorkerHandle { stop, thread: Some(thread) }
    }
}

fn sleep_unless(stop: &AtomicBool, total: Duration) {
    let step = Duration::from_millis(50);
    let mut slept = Duration::ZERO;
    while slept < total && !stop.load(Ordering::Relaxed) {
        std::thread::sleep(step.min(total - slept));
        slept += step;
    }
}

fn hostname() -> String {
    std::env::var("HOSTNAME").ok().filter(|h| !h.is_empty()).unwrap_or_else(|| "hotelier".into())
}

/// Stops the worker's thread when dropped (after its current round).
pub struct WorkerHandle {
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl WorkerHandle {
    pub fn stop(mut self) {
        self.halt();
    }

    fn halt(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for WorkerHandle {
    fn drop(&mut self) {
        self.halt();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_never_shows() {
        let shown = redact("smtp://desk:s3cret@mail.example:587");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(shown.contains("desk:redacted@mail.example:587"));
        let err = smtp("smtp://desk:s3cret@:587").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(!err.contains("s3cret"), "{err}");
    }

    #[test]
    fn smtp_asks_for_starttls_unless_told() {
        assert!(smtp("smtp://desk:pw@mail.example:587").is_ok());
        assert!(smtp("smtp://127.0.0.1:2525?tls=none").is_ok());
        assert!(smtp("smtps://mail.example").is_ok());
        assert!(smtp("ftp://mail.example").is_err());
    }
}
