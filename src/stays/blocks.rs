//! Taking a room off sale for a range of nights (out of order or out of service) and
//! putting it back. A block lists the stays it affects and is written only once the desk
//! confirms: stays that have not arrived lose the room (and keep their booking, to be
//! given another room); in-house guests are named, so that nobody is left in an
//! out-of-order room without the desk knowing.

use chrono::NaiveDate;

use super::{today_at, Actor, Refused, StayResult};
use crate::db::audit::Event;
use crate::db::reservations::ReservationRow;
use crate::db::room_blocks::{NewRoomBlock, RoomBlock};
use crate::db::TenantScope;
use crate::domain::{BlockKind, ReservationStatus, RoomBlockId, RoomId};
use crate::i18n::{Msg, Tr};

/// The longest block, in nights (the database's limit).
pub const MAX_BLOCK_NIGHTS: i64 = 366;
/// The longest reason a block keeps (the database's limit).
pub const BLOCK_REASON_MAX: usize = 500;
/// What the desk reads when a block has no reason (or too long a one): a catalogue key.
pub const BLOCK_NEEDS_REASON: &str = "rule-block-needs-reason";

/// A block as asked.
#[derive(Clone, Debug)]
pub struct BlockRequest {
    pub room: RoomId,
    pub kind: BlockKind,
    pub starts_on: NaiveDate,
    /// The first night back on sale.
    pub ends_on: NaiveDate,
    pub reason: String,
    /// The desk has seen the affected stays and goes ahead.
    pub confirmed: bool,
}

impl BlockRequest {
    /// What a form can fix, field by field, with the hotel's `today`.
    pub fn refusals(&self, today: NaiveDate) -> Vec<Refused> {
        let mut out = Vec::new();
        let mut refuse = |field, key: &str| out.push(Refused::Block { field, message: Msg::new(key) });
        if self.starts_on < today {
            refuse("starts_on", "rule-block-starts-today");
        }
        if self.ends_on <= self.starts_on {
            refuse("ends_on", "rule-block-ends-after-start");
        } else if (self.ends_on - self.starts_on).num_days() > MAX_BLOCK_NIGHTS {
            refuse("ends_on", "rule-block-too-long");
        }
        let reason = self.reason.trim();
        if reason.is_empty() || reason.chars().count() > BLOCK_REASON_MAX {
            refuse("reason", BLOCK_NEEDS_REASON);
        }
        out
    }
}

/// What a block request came to.
#[derive(Debug)]
pub enum BlockOutcome {
    /// Nothing written: these stays hold the room on some of the nights. Ask the desk.
    Confirm(Vec<ReservationRow>),
    Blocked {
        block: RoomBlock,
        /// Stays that had not arrived and lost the room (their confirmation codes).
        released: Vec<String>,
        /// In-house stays that are in the room on some of the nights: move them.
        in_house: Vec<String>,
    },
}

/// Takes `req.room` off sale for `[starts_on, ends_on)`, or asks to confirm first.
pub fn block_room(s: &mut TenantScope<'_>, actor: &impl Actor, req: &BlockRequest) -> StayResult<BlockOutcome> {
    let room = s.rooms().get(req.room)?;
    let hotel = s.hotels().get(room.hotel_id)?;
    if let Some(refused) = req.refusals(today_at(&hotel)).into_iter().next() {
        return Err(refused.into());
    }
    let overlap = s.room_blocks().of_room(room.id, req.starts_on)?.into_iter().find(|b| b.starts_on < req.ends_on);
    if let Some(b) = overlap {
        let message = Msg::new("rule-block-overlap")
            .arg("number", &room.number)
            .arg("kind", b.kind.as_str())
            .arg("from", b.starts_on.to_string())
            .arg("to", b.last_night().to_string());
        return Err(Refused::Block { field: "starts_on", message }.into());
    }
    let affected = s.reservations().in_room(room.id, req.starts_on, req.ends_on)?;
    if !affected.is_empty() && !req.confirmed {
        return Ok(BlockOutcome::Confirm(affected));
    }
    let (mut released, mut in_house) = (Vec::new(), Vec::new());
    for row in affected {
        let r = row.reservation;
        if r.status == ReservationStatus::CheckedIn {
            in_house.push(r.confirmation_code);
            continue;
        }
        s.reservations().unassign_room_at(r.id, r.version)?;
        let event = Event::new("reservation.room_released", "reservation", r.id)
            .before(serde_json::json!({ "room": room.number }))
            .after(
                serde_json::json!({ "room": null, "because": format!("{} {}", Tr::english().label(req.kind), req.reason.trim()) }),
            );
        actor.audit(s, event)?;
        released.push(r.confirmation_code);
    }
    let block = s.room_blocks().create(&NewRoomBlock {
        hotel_id: room.hotel_id,
        room_id: room.id,
        kind: req.kind,
        starts_on: req.starts_on,
        ends_on: req.ends_on,
        reason: req.reason.trim().to_owned(),
    })?;
    let event = Event::new("room.block", "room", room.id).after(serde_json::json!({
        "kind": block.kind.as_str(), "starts_on": block.starts_on, "ends_on": block.ends_on,
        "reason": block.reason, "released": released, "in_house": in_house
    }));
    actor.audit(s, event)?;
    Ok(BlockOutcome::Blocked { block, released, in_house })
}

/// Puts a blocked room back on sale from the hotel's today (a block that has not started
/// is removed). Returns the block as it was.
pub fn end_block(s: &mut TenantScope<'_>, actor: &impl Actor, id: RoomBlockId) -> StayResult<RoomBlock> {
    let block = s.room_blocks().get(id)?;
    let hotel = s.hotels().get(block.hotel_id)?;
    let today = today_at(&hotel);
    if block.ends_on <= today {
        return Err(Refused::BlockOver.into());
    }
    s.room_blocks().end(&block, today)?;
    let event = Event::new("room.unblock", "room", block.room_id)
        .before(
            serde_json::json!({ "kind": block.kind.as_str(), "starts_on": block.starts_on, "ends_on": block.ends_on }),
        )
        .after(if block.starts_on < today {
            serde_json::json!({ "ends_on": today })
        } else {
            serde_json::json!({ "removed": true })
        });
    actor.audit(s, event)?;
    Ok(block)
}
