//! Downloading all of an organization's data as one JSON document (`db::transfer`),
//! streamed: a blocking task writes the export a page of rows at a time into a bounded
//! channel, and the response sends each chunk as it comes. Memory stays flat, and a
//! client that stops reading stops the export.
//!
//! `POST /settings/export` for owners on the enterprise plan; `POST
//! /platform/orgs/{id}/export` for super admins, whatever the plan. Both are audited, and
//! neither includes password hashes.

use std::io::Write;

use actix_web::web::Bytes;
use actix_web::HttpResponse;
use tokio::sync::mpsc;

use super::error::Reply;
use super::extract::TenantCtx;
use super::state::State;
use crate::db::audit::Event;
use crate::db::transfer::ExportOptions;
use crate::db::{Access, Db};
use crate::domain::{TenantId, UserId};

/// Bytes per chunk sent to the client.
const CHUNK: usize = 64 * 1024;
/// Chunks buffered between the export and a slow client.
const IN_FLIGHT: usize = 4;

/// The owner's download, from the settings page.
pub async fn organization(ctx: TenantCtx, state: State) -> Reply {
    let (tenant, slug) = ctx
        .write(&state, |s, m| {
            let org = s.organization()?;
            m.audit(s, Event::new("organization.export", "tenant", org.id))?;
            Ok((org.id, org.slug))
        })
        .await?;
    Ok(stream(state.db.clone(), tenant, Some(ctx.signed_in.user), &slug))
}

/// The export as a streamed attachment. The snapshot transaction opens when the body
/// starts; an error after that cuts the response short, so a partial file never parses.
pub fn stream(db: Db, tenant: TenantId, user: Option<UserId>, slug: &str) -> HttpResponse {
    let (tx, rx) = mpsc::channel::<Result<Bytes, String>>(IN_FLIGHT);
    actix_web::rt::task::spawn_blocking(move || {
        let mut out = ChannelWriter { tx: tx.clone(), buf: Vec::with_capacity(CHUNK) };
        let done = db.tenant(tenant, user, Access::Snapshot, |s| s.export(&mut out, ExportOptions::default()));
        if let Err(e) = done {
            if !tx.is_closed() {
                tracing::error!(%tenant, error = %e, "export failed");
                let _ = tx.blocking_send(Err(e.to_string()));
            }
        }
    });
    let body = futures_util::stream::unfold(rx, |mut rx| async move {
        let item = rx.recv().await?;
        Some((item.map_err(actix_web::error::ErrorInternalServerError), rx))
    });
    let day = chrono::Utc::now().format("%Y-%m-%d");
    HttpResponse::Ok()
        .content_type("application/json")
        .insert_header(("Content-Disposition", format!("attachment; filename=\"hotelier-{slug}-{day}.json\"")))
        .insert_header(("Cache-Control", "no-store"))
        .streaming(body)
}

/// Sends what the export writes to the response in chunks; fails once the client is gone.
struct ChannelWriter {
    tx: mpsc::Sender<Result<Bytes, String>>,
    buf: Vec<u8>,
}

impl ChannelWriter {
    fn send(&mut self) -> std::io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK)));
        self.tx
            .blocking_send(Ok(chunk))
            .map_err(|_| std::io::Error::new(std::io::ErrorKind::BrokenPipe, "the client went away"))
    }
}

impl Write for ChannelWriter {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= CHUNK {
            self.send()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.send()
    }
}
