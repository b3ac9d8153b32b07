//! Where things are: every path a handler sends the browser to, built in one place. A
//! unit test matches each against the route table (`web::ROUTES`), so a renamed route
//! cannot leave a stale redirect behind.

use crate::domain::{GuestId, RoomTypeId};
use crate::domain::{HotelId, ReservationId, TenantId};

pub fn dashboard() -> String {
    "/".into()
}

pub fn login() -> String {
    "/login".into()
}

pub fn account_password() -> String {
    "/account/password".into()
}

pub fn settings() -> String {
    "/settings".into()
}

pub fn members() -> String {
    "/members".into()
}

pub fn hotels() -> String {
    "/hotels".into()
}

pub fn hotel(id: HotelId) -> String {
    format!("/hotels/{id}")
}

/// The rooms list, filtered to one hotel.
pub fn rooms_of(hotel: HotelId) -> String {
    format!("/rooms?hotel={hotel}")
}

pub fn room_type_edit(id: RoomTypeId) -> String {
    format!("/room-types/{id}/edit")
}

pub fn guests() -> String {
    "/guests".into()
}

pub fn guest(id: GuestId) -> String {
    format!("/guests/{id}")
}

pub fn reservation(id: ReservationId) -> String {
    format!("/reservations/{id}")
}

pub fn kiosk() -> String {
    "/kiosk".into()
}

pub fn kiosk_stay(id: ReservationId) -> String {
    format!("/kiosk/stay/{id}")
}

pub fn kiosk_lock() -> String {
    "/kiosk/lock".into()
}

pub fn platform_org(id: TenantId) -> String {
    format!("/platform/orgs/{id}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::ROUTES;

    /// A GET route whose pattern (`{id}` matching any one segment) fits `url`'s path.
    fn routed(url: &str) -> bool {
        let path = url.split('?').next().unwrap_or_default();
        let parts: Vec<&str> = path.split('/').collect();
        ROUTES.iter().filter(|r| r.method == "Get").any(|r| {
            let pattern: Vec<&str> = r.path.split('/').collect();
            pattern.len() == parts.len()
                && pattern.iter().zip(&parts).all(|(p, s)| (p.starts_with('{') && !s.is_empty()) || p == s)
        })
    }

    #[test]
    fn every_url_is_a_route() {
        let urls = [
            dashboard(),
            login(),
            account_password(),
            settings(),
            members(),
            hotels(),
            hotel(HotelId::new()),
            rooms_of(HotelId::new()),
            room_type_edit(RoomTypeId::new()),
            guests(),
            guest(GuestId::new()),
            reservation(ReservationId::new()),
            kiosk(),
            kiosk_stay(ReservationId::new()),
            kiosk_lock(),
            platform_org(TenantId::new()),
        ];
        for url in urls {
            assert!(routed(&url), "{url} matches no GET route");
        }
        assert!(!routed("/reservations/x/nope"), "the matcher accepts anything");
    }
}
