//! Taking a room off sale for some nights (out of order or out of service) and putting it
//! back: the block form with the room's blocks, the confirmation that lists the stays a
//! block affects, and the end of a block. The rules are `stays::block_room`'s.

use actix_web::http::StatusCode;
use actix_web::web;
use askama::Template;
use serde::Deserialize;

use super::desk::{field_errors, refused_field};
use super::error::{AppError, Reply};
use super::extract::TenantCtx;
use super::forms::{self, FieldErrors};
use super::pages::{render, see_other, Chrome};
use super::state::State;
use super::urls;
use super::AppState;
use crate::db::hotels::Hotel;
use crate::db::reservations::ReservationRow;
use crate::db::room_blocks::RoomBlock;
use crate::db::rooms::Room;
use crate::domain::booking::today_in;
use crate::domain::{BlockKind, RoomBlockId, RoomId};
use crate::i18n::Msg;
use crate::stays::{self, BlockOutcome, BlockRequest};

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct BlockForm {
    pub kind: String,
    pub starts_on: String,
    pub ends_on: String,
    pub reason: String,
    /// Set by the confirmation step.
    pub confirmed: String,
}

impl BlockForm {
    /// The request, or a message per field at fault (every one at once).
    fn request(&self, room: RoomId, today: chrono::NaiveDate) -> Result<BlockRequest, FieldErrors> {
        let mut e = FieldErrors::default();
        let kind: Option<BlockKind> = forms::choice(&mut e, "kind", self.kind.trim());
        let starts_on = forms::date(&mut e, "starts_on", &self.starts_on);
        let ends_on = forms::date(&mut e, "ends_on", &self.ends_on);
        let reason = forms::clean(&self.reason);
        let (Some(kind), Some(starts_on), Some(ends_on)) = (kind, starts_on, ends_on) else {
            if reason.is_empty() {
                e.add("reason", Msg::new(stays::BLOCK_NEEDS_REASON));
            }
            return Err(e);
        };
        let req = BlockRequest { room, kind, starts_on, ends_on, reason, confirmed: self.confirmed == "yes" };
        e.merge(field_errors(req.refusals(today)));
        e.into_result(req)
    }
}

#[derive(Template)]
#[template(path = "rooms/block.html")]
struct BlockPage {
    chrome: Chrome,
    room: Room,
    hotel: Hotel,
    /// The room's blocks that are not over, soonest first.
    blocks: Vec<RoomBlock>,
    today: chrono::NaiveDate,
    form: BlockForm,
    errors: FieldErrors,
    /// The stays the block would affect, when it asks to confirm.
    affected: Vec<ReservationRow>,
    kinds: &'static [BlockKind],
}

async fn page(
    ctx: &TenantCtx,
    state: &AppState,
    id: RoomId,
    form: Option<BlockForm>,
    errors: FieldErrors,
    affected: Vec<ReservationRow>,
    status: StatusCode,
) -> Reply {
    let (view, room, hotel, today, blocks) = ctx
        .read(state, move |s, m| {
            let room = s.rooms().get(id)?;
            let hotel = s.hotels().get(room.hotel_id)?;
            let today = today_in(&hotel.timezone, chrono::Utc::now());
            let blocks = s.room_blocks().of_room(id, today)?;
            Ok((m.view(), room, hotel, today, blocks))
        })
        .await?;
    let form = form.unwrap_or_else(|| BlockForm {
        kind: BlockKind::OutOfOrder.as_str().into(),
        starts_on: today.to_string(),
        ends_on: today.succ_opt().unwrap_or(today).to_string(),
        ..BlockForm::default()
    });
    let chrome = Chrome::new(ctx, view, "housekeeping");
    let page = BlockPage { chrome, room, hotel, blocks, today, form, errors, affected, kinds: BlockKind::ALL };
    render(status, &page)
}

/// The block form of a room, with its current and coming blocks.
pub async fn form(ctx: TenantCtx, state: State, path: web::Path<RoomId>) -> Reply {
    page(&ctx, &state, path.into_inner(), None, FieldErrors::default(), vec![], StatusCode::OK).await
}

/// Takes a room off sale, or shows the stays it affects and asks to confirm.
pub async fn create(ctx: TenantCtx, state: State, path: web::Path<RoomId>, form: web::Form<BlockForm>) -> Reply {
    let id = path.into_inner();
    let form = form.into_inner();
    let typed = form.clone();
    let result = ctx
        .write(&state, move |s, m| {
            let room = s.rooms().get(id)?;
            let hotel = s.hotels().get(room.hotel_id)?;
            match form.request(id, today_in(&hotel.timezone, chrono::Utc::now())) {
                Ok(req) => Ok(Ok((room, stays::block_room(s, m, &req)?))),
                Err(errors) => Ok(Err(errors)),
            }
        })
        .await;
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    match result {
        Ok(Ok((room, BlockOutcome::Blocked { block, released, in_house }))) => {
            ctx.flash("success", blocked_notice(&room, &block, &released, &in_house));
            Ok(see_other(&format!("{}#room-{}", urls::housekeeping_of(room.hotel_id), room.id)))
        }
        Ok(Ok((_, BlockOutcome::Confirm(affected)))) => {
            page(&ctx, &state, id, Some(typed), FieldErrors::default(), affected, StatusCode::OK).await
        }
        Ok(Err(errors)) => page(&ctx, &state, id, Some(typed), errors, vec![], unprocessable).await,
        Err(AppError::Refused(refused)) => {
            let mut errors = FieldErrors::default();
            if !refused_field(&mut errors, &refused) {
                errors = FieldErrors::for_form(refused.msg());
            }
            page(&ctx, &state, id, Some(typed), errors, vec![], unprocessable).await
        }
        Err(e) => Err(e),
    }
}

/// What the desk reads after a block: the dates, and the stays it must see to. The
/// dates stay ISO (`2026-06-01`), as the form takes them; the codes are listed as they are.
fn blocked_notice(room: &Room, block: &RoomBlock, released: &[String], in_house: &[String]) -> Msg {
    Msg::new("block-blocked")
        .arg("number", room.number.as_str())
        .arg("kind", block.kind.as_str())
        .arg("from", block.starts_on.to_string())
        .arg("last", block.last_night().to_string())
        .arg("back", block.ends_on.to_string())
        .arg("released_count", released.len())
        .arg("released", released.join(", "))
        .arg("in_house_count", in_house.len())
        .arg("in_house", in_house.join(", "))
}

/// Puts a blocked room back on sale from today.
pub async fn end(ctx: TenantCtx, state: State, path: web::Path<RoomBlockId>) -> Reply {
    let id = path.into_inner();
    let ended = ctx.write(&state, move |s, m| Ok(stays::end_block(s, m, id)?)).await;
    match ended {
        Ok(block) => {
            ctx.flash("success", Msg::new("block-ended").arg("kind", block.kind.as_str()));
            Ok(see_other(&format!("{}#room-{}", urls::housekeeping_of(block.hotel_id), block.room_id)))
        }
        // Over already: back to the room's blocks, which say so.
        Err(AppError::Refused(refused)) => {
            let block = ctx.read(&state, move |s, _| Ok(s.room_blocks().get(id)?)).await?;
            ctx.flash("error", refused.msg());
            Ok(see_other(&urls::room_block_new(block.room_id)))
        }
        Err(e) => Err(e),
    }
}
