//! A real SMTP server per test: Python's aiosmtpd (Debian's `python3-aiosmtpd`, which
//! `.ci/run` installs) running `smtp_server.py`, on a free port, writing what it accepts
//! to a temporary directory. No mocked transport: the app's worker talks SMTP to it.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::free_port;

pub struct SmtpServer {
    pub port: u16,
    child: Child,
    dir: tempfile::TempDir,
}

/// One message as the server received it, decoded.
#[derive(Clone, Debug)]
pub struct Received {
    pub envelope_to: String,
    pub to: String,
    pub from: String,
    pub reply_to: String,
    pub subject: String,
    pub message_id: String,
    pub language: String,
    pub text: String,
    pub html: String,
}

/// The Python with aiosmtpd: Debian's first, then whatever `python3` is on the PATH.
fn python() -> String {
    for candidate in ["/usr/bin/python3", "python3"] {
        let ok = Command::new(candidate)
            .args(["-c", "import aiosmtpd"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return candidate.into();
        }
    }
    panic!("no python3 with aiosmtpd: install Debian's python3-aiosmtpd (.ci/run does)");
}

impl SmtpServer {
    pub fn start() -> Self {
        let dir = tempfile::tempdir().expect("maildir");
        let port = free_port();
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/app/support/smtp_server.py");
        let mut child = Command::new(python())
            .arg(script)
            .arg(port.to_string())
            .arg(dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start the SMTP server");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).expect("SMTP server output");
        assert_eq!(line.trim(), "ready", "the SMTP server did not start");
        Self { port, child, dir }
    }

    /// The app's `--smtp-url` for this server (no TLS on loopback).
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}?tls=none", self.port)
    }

    fn files(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.dir.path())
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "eml"))
            .collect();
        files.sort();
        files
    }

    /// Everything received so far, oldest first.
    pub fn received(&self) -> Vec<Received> {
        self.files().iter().map(|f| parse(&std::fs::read(f).unwrap())).collect()
    }

    /// Waits until at least `count` messages arrived (at most 20 s), then answers them all.
    pub fn wait_for(&self, count: usize) -> Vec<Received> {
        let start = Instant::now();
        while self.files().len() < count && start.elapsed() < Duration::from_secs(20) {
            std::thread::sleep(Duration::from_millis(50));
        }
        self.received()
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn parse(raw: &[u8]) -> Received {
    let mail = mailparse::parse_mail(raw).expect("a message");
    let header = |name: &str| {
        mail.headers.iter().find(|h| h.get_key().eq_ignore_ascii_case(name)).map(|h| h.get_value()).unwrap_or_default()
    };
    let part = |mime: &str| {
        mail.subparts
            .iter()
            .find(|p| p.ctype.mimetype == mime)
            .map(|p| p.get_body().expect("a body"))
            .unwrap_or_default()
    };
    Received {
        envelope_to: header("X-Envelope-To"),
        to: header("To"),
        from: header("From"),
        reply_to: header("Reply-To"),
        subject: header("Subject"),
        message_id: header("Message-ID"),
        language: header("Content-Language"),
        text: part("text/plain"),
        html: part("text/html"),
    }
}
