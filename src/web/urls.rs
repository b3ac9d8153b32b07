//! Where things are: every path the app sends a browser to, built in one place and used by
//! handlers (redirects, links built in Rust) and templates (`{{ urls::hotel(h.id) }}`). A unit
//! test matches each against the route table (`web::ROUTES`) with its method, so a renamed
//! route cannot leave a stale link or form behind.

use std::borrow::Borrow;

use crate::domain::{
    AssociationId, CompanyId, FolioEntryId, GuestId, HotelId, InvoiceId, MessageEvent, MessageId, RatePlanId,
    ReservationId, RoomBlockId, RoomId, RoomTypeId, TaxRuleId, TenantId,
};

/// A hotel's template of `event` in language `lang` (GET the editor, POST to save).
pub fn hotel_template(id: impl Borrow<HotelId>, event: impl Borrow<MessageEvent>, lang: &str) -> String {
    format!("/hotels/{}/messages/{}/{lang}", id.borrow(), event.borrow())
}

/// Back to the shipped wording (POST).
pub fn hotel_template_reset(id: impl Borrow<HotelId>, event: impl Borrow<MessageEvent>, lang: &str) -> String {
    format!("{}/reset", hotel_template(id, event, lang))
}

/// `Method name(arg: Type) => "path with {arg}";`: one function per line; the method is
/// the route's, checked by the test. An id is taken by value or by reference (templates
/// pass either).
macro_rules! urls {
    ($($method:ident $name:ident($($arg:ident: $ty:ty),*) => $path:literal;)*) => {
        $(
            pub fn $name($($arg: impl Borrow<$ty>),*) -> String {
                $(let $arg: $ty = *$arg.borrow();)*
                format!($path)
            }
        )*

        /// Every url with made-up ids, and the method of the route it names.
        #[cfg(test)]
        fn every_url() -> Vec<(&'static str, String)> {
            vec![$((stringify!($method), $name($(<$ty>::new()),*))),*]
        }
    };
}

urls! {
    Get  dashboard() => "/";
    Get  stylesheet() => "/static/app.css";
    Get  kiosk_script() => "/static/kiosk.js";
    Get  login() => "/login";
    Post logout() => "/logout";
    Get  switch() => "/switch";
    Get  account() => "/account";
    Post account_sessions_end_others() => "/account/sessions/end-others";
    Get  account_password() => "/account/password";
    Get  account_pin() => "/account/pin";
    Post account_language() => "/account/language";
    Get  platform() => "/platform";
    Get  platform_org_new() => "/platform/orgs/new";
    Post platform_orgs() => "/platform/orgs";
    Get  platform_org(id: TenantId) => "/platform/orgs/{id}";
    Post platform_org_status(id: TenantId) => "/platform/orgs/{id}/status";
    Post platform_org_plan(id: TenantId) => "/platform/orgs/{id}/plan";
    Post platform_org_export(id: TenantId) => "/platform/orgs/{id}/export";
    Get  platform_analytics() => "/platform/analytics";
    Get  platform_health() => "/platform/health";
    Get  hotels() => "/hotels";
    Get  hotel_new() => "/hotels/new";
    Get  hotel(id: HotelId) => "/hotels/{id}";
    Get  hotel_edit(id: HotelId) => "/hotels/{id}/edit";
    Post hotel_delete(id: HotelId) => "/hotels/{id}/delete";
    Post night_audit(id: HotelId) => "/hotels/{id}/night-audit";
    Get  hotel_messages(id: HotelId) => "/hotels/{id}/messages";
    Post hotel_sender(id: HotelId) => "/hotels/{id}/messages/sender";
    Get  room_type_new(id: HotelId) => "/hotels/{id}/room-types/new";
    Post room_types_of(id: HotelId) => "/hotels/{id}/room-types";
    Get  room_type_edit(id: RoomTypeId) => "/room-types/{id}/edit";
    Post room_type(id: RoomTypeId) => "/room-types/{id}";
    Post room_type_delete(id: RoomTypeId) => "/room-types/{id}/delete";
    Get  tax_rule_new(id: HotelId) => "/hotels/{id}/tax-rules/new";
    Post tax_rules_of(id: HotelId) => "/hotels/{id}/tax-rules";
    Get  tax_rule_edit(id: TaxRuleId) => "/tax-rules/{id}/edit";
    Post tax_rule(id: TaxRuleId) => "/tax-rules/{id}";
    Post tax_rule_delete(id: TaxRuleId) => "/tax-rules/{id}/delete";
    Get  invoices() => "/invoices";
    Get  invoice(id: InvoiceId) => "/invoices/{id}";
    Post invoice_credit(id: InvoiceId) => "/invoices/{id}/credit";
    Post reservation_invoices(id: ReservationId) => "/reservations/{id}/invoices";
    Post reservation_messages(id: ReservationId) => "/reservations/{id}/messages";
    Post reservation_message_resend(id: ReservationId, message: MessageId) => "/reservations/{id}/messages/{message}/resend";
    Post reservation_notes(id: ReservationId) => "/reservations/{id}/notes";
    Get  rates() => "/rates";
    Post rates_bulk() => "/rates";
    Get  rate_plan_new(id: HotelId) => "/hotels/{id}/rate-plans/new";
    Post rate_plans_of(id: HotelId) => "/hotels/{id}/rate-plans";
    Get  rate_plan_edit(id: RatePlanId) => "/rate-plans/{id}/edit";
    Post rate_plan(id: RatePlanId) => "/rate-plans/{id}";
    Post rate_plan_delete(id: RatePlanId) => "/rate-plans/{id}/delete";
    Get  rooms() => "/rooms";
    Get  rooms_of(hotel: HotelId) => "/rooms?hotel={hotel}";
    Get  room_new() => "/rooms/new";
    Get  room_edit(id: RoomId) => "/rooms/{id}/edit";
    Post room(id: RoomId) => "/rooms/{id}";
    Post room_delete(id: RoomId) => "/rooms/{id}/delete";
    Post room_housekeeping(id: RoomId) => "/rooms/{id}/housekeeping";
    Get  room_block_new(id: RoomId) => "/rooms/{id}/block";
    Post room_blocks(id: RoomId) => "/rooms/{id}/blocks";
    Post room_block_end(id: RoomBlockId) => "/room-blocks/{id}/end";
    Get  housekeeping() => "/housekeeping";
    Get  housekeeping_of(hotel: HotelId) => "/housekeeping?hotel={hotel}";
    Get  guests() => "/guests";
    Get  guest_new() => "/guests/new";
    Get  guest(id: GuestId) => "/guests/{id}";
    Get  guest_edit(id: GuestId) => "/guests/{id}/edit";
    Post guest_delete(id: GuestId) => "/guests/{id}/delete";
    Get  companies() => "/companies";
    Get  company_new() => "/companies/new";
    Get  company_edit(id: CompanyId) => "/companies/{id}/edit";
    Post company(id: CompanyId) => "/companies/{id}";
    Get  members() => "/members";
    Get  member_new() => "/members/new";
    Get  member_edit(id: AssociationId) => "/members/{id}/edit";
    Post member(id: AssociationId) => "/members/{id}";
    Post member_deactivate(id: AssociationId) => "/members/{id}/deactivate";
    Get  settings() => "/settings";
    Post settings_export() => "/settings/export";
    Get  audit() => "/audit";
    Get  calendar() => "/calendar";
    Get  reports() => "/reports";
    Get  kiosk() => "/kiosk";
    Post kiosk_hotel() => "/kiosk/hotel";
    Get  kiosk_stay(id: ReservationId) => "/kiosk/stay/{id}";
    Post kiosk_check_in(id: ReservationId) => "/kiosk/stay/{id}/check-in";
    Post kiosk_check_out(id: ReservationId) => "/kiosk/stay/{id}/check-out";
    Post kiosk_pay(id: ReservationId) => "/kiosk/stay/{id}/pay";
    Get  kiosk_lock() => "/kiosk/lock";
    Post kiosk_seen() => "/kiosk/seen";
    Get  reservations() => "/reservations";
    Get  booking_search() => "/reservations/new";
    Get  booking_details() => "/reservations/new/details";
    Get  reservation(id: ReservationId) => "/reservations/{id}";
    Get  reservation_edit(id: ReservationId) => "/reservations/{id}/edit";
    Post reservation_status(id: ReservationId) => "/reservations/{id}/status";
    Post reservation_folio(id: ReservationId) => "/reservations/{id}/folio";
    Post reservation_folio_void(id: ReservationId, entry: FolioEntryId) => "/reservations/{id}/folio/{entry}/void";
}

/// The rate calendar of one hotel.
pub fn rates_of(hotel: impl Borrow<HotelId>) -> String {
    format!("{}?hotel={}", rates(), hotel.borrow())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::ROUTES;

    /// A `method` route whose pattern (`{id}` matching any one segment) fits `url`'s path.
    fn routed(method: &str, url: &str) -> bool {
        let path = url.split('?').next().unwrap_or_default();
        let parts: Vec<&str> = path.split('/').collect();
        ROUTES.iter().filter(|r| r.method == method).any(|r| {
            let pattern: Vec<&str> = r.path.split('/').collect();
            pattern.len() == parts.len()
                && pattern.iter().zip(&parts).all(|(p, s)| (p.starts_with('{') && !s.is_empty()) || p == s)
        })
    }

    #[test]
    fn every_url_is_a_route() {
        let urls = every_url();
        assert!(urls.len() > 60, "the macro lists every url");
        for (method, url) in urls {
            assert!(routed(method, &url), "{url} matches no {method} route");
        }
        let (hotel, event) = (HotelId::new(), MessageEvent::PreArrival);
        assert!(routed("Get", &hotel_template(hotel, event, "pt-BR")));
        assert!(routed("Post", &hotel_template(hotel, event, "pt-BR")));
        assert!(routed("Post", &hotel_template_reset(hotel, event, "en")));
        assert!(!routed("Get", "/reservations/x/nope"), "the matcher accepts anything");
        assert!(!routed("Get", &kiosk_pay(ReservationId::new())), "the matcher ignores the method");
    }
}
