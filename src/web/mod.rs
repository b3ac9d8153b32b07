//! HTTP: routes, extractors, handlers and page structs. Handlers contain no Diesel code;
//! they call `TenantCtx::read`/`write`, which run one transaction on the blocking pool.

pub mod account;
pub mod admission;
pub mod assets;
pub mod audit;
pub mod audit_view;
pub mod auth;
pub mod booking;
pub mod calendar;
pub mod companies;
pub mod consistency;
pub mod csrf;
pub mod dashboard;
pub mod desk;
pub mod error;
pub mod export;
pub mod extract;
pub mod forms;
pub mod guests;
pub mod health;
pub mod hotels;
pub mod invoices;
pub mod kiosk;
pub mod list;
pub mod manage;
pub mod members;
pub mod messages;
pub mod metrics;
pub mod night_audit;
pub mod pages;
pub mod platform;
pub mod rate_plans;
pub mod rates;
pub mod reports;
pub mod reservations;
pub mod room_blocks;
pub mod room_types;
pub mod rooms;
pub mod session;
pub mod session_store;
pub mod settings;
pub mod state;
pub mod switch;
pub mod tax_rules;
pub mod urls;

use actix_web::guard;
use actix_web::middleware::DefaultHeaders;
use actix_web::web::{self, ServiceConfig};

use crate::domain::roles::Capability;
use extract::RouteCap;
pub use state::AppState;

/// Who may use a route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RouteAccess {
    /// Anyone (probes, assets, the sign-in form).
    Public,
    /// A signed-in user, before or across tenants (sign-out, `/switch`).
    SignedIn,
    /// A member of the active tenant with this capability.
    Tenant(Capability),
    /// An active super admin (checked in the database); anyone else gets 404.
    Platform,
}

/// One entry of the route table.
#[derive(Clone, Copy, Debug)]
pub struct Route {
    pub method: &'static str,
    pub path: &'static str,
    pub access: RouteAccess,
}

macro_rules! route_table {
    ($( $method:ident $path:literal => $handler:path, $access:ident $(($cap:ident))? ;)*) => {
        /// Registers every route. Each (method, path) is its own resource with a method
        /// guard, so that the capability it needs travels with it.
        pub fn routes(cfg: &mut ServiceConfig) {
            $(
                let resource = web::resource($path).guard(guard::$method());
                $( let resource = resource.app_data(RouteCap(Capability::$cap)); )?
                cfg.service(resource.to($handler));
            )*
        }

        /// The route table, for the tests that walk every route.
        pub const ROUTES: &[Route] = &[
            $( Route { method: stringify!($method), path: $path, access: route_table!(@access $access $(($cap))?) }, )*
        ];
    };
    (@access Public) => { RouteAccess::Public };
    (@access SignedIn) => { RouteAccess::SignedIn };
    (@access Platform) => { RouteAccess::Platform };
    (@access Tenant($cap:ident)) => { RouteAccess::Tenant(Capability::$cap) };
}

route_table! {
    Get  "/healthz"                 => health::healthz, Public;
    Get  "/readyz"                  => health::readyz, Public;
    Get  "/metrics"                 => metrics::scrape, Public;
    Get  "/static/app.css"          => assets::stylesheet, Public;
    Get  "/static/kiosk.js"         => assets::kiosk_script, Public;
    Get  "/login"                   => auth::login_form, Public;
    Post "/login"                   => auth::login, Public;
    Post "/logout"                  => auth::logout, SignedIn;
    Get  "/switch"                  => switch::picker, SignedIn;
    Post "/switch"                  => switch::switch, SignedIn;
    Get  "/account"                 => account::show, SignedIn;
    Post "/account/sessions/end-others" => account::end_other_sessions, SignedIn;
    Get  "/account/password"        => account::password_form, SignedIn;
    Post "/account/password"        => account::change_password, SignedIn;
    Get  "/account/pin"             => account::pin_form, SignedIn;
    Post "/account/pin"             => account::set_pin, SignedIn;
    Post "/account/language"        => account::set_language, SignedIn;

    Get  "/platform"                => platform::index, Platform;
    Get  "/platform/orgs/new"       => platform::new_form, Platform;
    Post "/platform/orgs"           => platform::create, Platform;
    Get  "/platform/orgs/{id}"      => platform::org, Platform;
    Post "/platform/orgs/{id}/status" => platform::change_status, Platform;
    Post "/platform/orgs/{id}/plan" => platform::change_plan, Platform;
    Post "/platform/orgs/{id}/export" => platform::export, Platform;
    Get  "/platform/analytics"      => platform::analytics::show, Platform;
    Get  "/platform/health"         => platform::health::show, Platform;

    Get  "/"                        => dashboard::show, Tenant(View);

    Get  "/hotels"                  => hotels::index, Tenant(View);
    Get  "/hotels/new"              => hotels::new_form, Tenant(PropertyManage);
    Post "/hotels"                  => hotels::create, Tenant(PropertyManage);
    Get  "/hotels/{id}"             => hotels::show, Tenant(View);
    Get  "/hotels/{id}/edit"        => hotels::edit_form, Tenant(PropertyEdit);
    Post "/hotels/{id}"             => hotels::update, Tenant(PropertyEdit);
    Post "/hotels/{id}/delete"      => hotels::delete, Tenant(PropertyManage);
    Post "/hotels/{id}/night-audit" => night_audit::run, Tenant(NightAudit);
    Get  "/hotels/{id}/messages"    => messages::hotel_page, Tenant(PropertyEdit);
    Post "/hotels/{id}/messages/sender" => messages::save_sender, Tenant(PropertyEdit);
    Get  "/hotels/{id}/messages/{event}/{lang}" => messages::template_page, Tenant(PropertyEdit);
    Post "/hotels/{id}/messages/{event}/{lang}" => messages::save_template, Tenant(PropertyEdit);
    Post "/hotels/{id}/messages/{event}/{lang}/reset" => messages::reset_template, Tenant(PropertyEdit);

    Get  "/hotels/{id}/room-types/new" => room_types::new_form, Tenant(PropertyManage);
    Post "/hotels/{id}/room-types"  => room_types::create, Tenant(PropertyManage);
    Get  "/room-types/{id}/edit"    => room_types::edit_form, Tenant(PropertyEdit);
    Post "/room-types/{id}"         => room_types::update, Tenant(PropertyEdit);
    Post "/room-types/{id}/delete"  => room_types::delete, Tenant(PropertyManage);

    Get  "/hotels/{id}/tax-rules/new" => tax_rules::new_form, Tenant(PropertyEdit);
    Post "/hotels/{id}/tax-rules"   => tax_rules::create, Tenant(PropertyEdit);
    Get  "/tax-rules/{id}/edit"     => tax_rules::edit_form, Tenant(PropertyEdit);
    Post "/tax-rules/{id}"          => tax_rules::update, Tenant(PropertyEdit);
    Post "/tax-rules/{id}/delete"   => tax_rules::delete, Tenant(PropertyEdit);

    Get  "/rates"                   => rates::calendar, Tenant(View);
    Post "/rates"                   => rates::bulk_update, Tenant(PropertyEdit);
    Get  "/hotels/{id}/rate-plans/new" => rate_plans::new_form, Tenant(PropertyEdit);
    Post "/hotels/{id}/rate-plans"  => rate_plans::create, Tenant(PropertyEdit);
    Get  "/rate-plans/{id}/edit"    => rate_plans::edit_form, Tenant(PropertyEdit);
    Post "/rate-plans/{id}"         => rate_plans::update, Tenant(PropertyEdit);
    Post "/rate-plans/{id}/delete"  => rate_plans::delete, Tenant(PropertyEdit);

    Get  "/rooms"                   => rooms::index, Tenant(View);
    Get  "/rooms/new"               => rooms::new_form, Tenant(PropertyManage);
    Post "/rooms"                   => rooms::create, Tenant(PropertyManage);
    Get  "/rooms/{id}/edit"         => rooms::edit_form, Tenant(PropertyEdit);
    Post "/rooms/{id}"              => rooms::update, Tenant(PropertyEdit);
    Post "/rooms/{id}/delete"       => rooms::delete, Tenant(PropertyManage);
    Post "/rooms/{id}/housekeeping" => rooms::set_housekeeping, Tenant(Housekeeping);
    Get  "/rooms/{id}/block"        => room_blocks::form, Tenant(Housekeeping);
    Post "/rooms/{id}/blocks"       => room_blocks::create, Tenant(Housekeeping);
    Post "/room-blocks/{id}/end"    => room_blocks::end, Tenant(Housekeeping);
    Get  "/housekeeping"            => rooms::board, Tenant(View);

    Get  "/guests"                  => guests::index, Tenant(View);
    Get  "/guests/new"              => guests::new_form, Tenant(GuestsEdit);
    Post "/guests"                  => guests::create, Tenant(GuestsEdit);
    Get  "/guests/{id}"             => guests::show, Tenant(View);
    Get  "/guests/{id}/edit"        => guests::edit_form, Tenant(GuestsEdit);
    Post "/guests/{id}"             => guests::update, Tenant(GuestsEdit);
    Post "/guests/{id}/delete"      => guests::delete, Tenant(GuestsDelete);

    Get  "/companies"               => companies::index, Tenant(View);
    Get  "/companies/new"           => companies::new_form, Tenant(GuestsEdit);
    Post "/companies"               => companies::create, Tenant(GuestsEdit);
    Get  "/companies/{id}/edit"     => companies::edit_form, Tenant(GuestsEdit);
    Post "/companies/{id}"          => companies::update, Tenant(GuestsEdit);
    Post "/companies/{id}/delete"   => companies::delete, Tenant(GuestsDelete);

    Get  "/members"                 => members::index, Tenant(SettingsView);
    Get  "/members/new"             => members::new_form, Tenant(UsersManage);
    Post "/members"                 => members::create, Tenant(UsersManage);
    Get  "/members/{id}/edit"       => members::edit_form, Tenant(UsersManage);
    Post "/members/{id}"            => members::update, Tenant(UsersManage);
    Post "/members/{id}/deactivate" => members::toggle_active, Tenant(UsersManage);

    Get  "/settings"                => settings::show, Tenant(SettingsView);
    Post "/settings"                => settings::update, Tenant(SettingsEdit);
    Post "/settings/export"         => export::organization, Tenant(DataExport);

    Get  "/audit"                   => audit::index, Tenant(AuditView);

    Get  "/calendar"                => calendar::show, Tenant(View);
    Get  "/kiosk"                   => kiosk::home, Tenant(Kiosk);
    Post "/kiosk/hotel"             => kiosk::choose_hotel, Tenant(Kiosk);
    Get  "/kiosk/stay/{id}"         => kiosk::stay, Tenant(Kiosk);
    Post "/kiosk/stay/{id}/check-in" => kiosk::check_in, Tenant(Kiosk);
    Post "/kiosk/stay/{id}/check-out" => kiosk::check_out, Tenant(Kiosk);
    Post "/kiosk/stay/{id}/pay"     => kiosk::pay, Tenant(Kiosk);
    Get  "/kiosk/lock"              => kiosk::lock_screen, Public;
    Post "/kiosk/lock"              => kiosk::lock, Public;
    Post "/kiosk/seen"              => kiosk::seen, Tenant(Kiosk);
    Get  "/reports"                 => reports::show, Tenant(Reports);
    Get  "/reservations"            => reservations::index, Tenant(View);
    Get  "/reservations/new"        => booking::search, Tenant(ReservationsEdit);
    Get  "/reservations/new/details" => booking::details, Tenant(ReservationsEdit);
    Post "/reservations"            => booking::create, Tenant(ReservationsEdit);
    Get  "/reservations/{id}"       => reservations::show, Tenant(View);
    Get  "/reservations/{id}/edit"  => reservations::edit_form, Tenant(ReservationsEdit);
    Post "/reservations/{id}"       => reservations::update, Tenant(ReservationsEdit);
    Post "/reservations/{id}/status" => reservations::act, Tenant(ReservationsEdit);
    Post "/reservations/{id}/folio" => reservations::post_folio, Tenant(ReservationsEdit);
    Post "/reservations/{id}/folio/{entry}/void" => reservations::void_entry, Tenant(FolioVoid);
    Post "/reservations/{id}/invoices" => invoices::issue, Tenant(ReservationsEdit);
    Post "/reservations/{id}/messages" => messages::write, Tenant(ReservationsEdit);
    Post "/reservations/{id}/messages/{message}/resend" => messages::resend, Tenant(ReservationsEdit);
    Post "/reservations/{id}/notes" => messages::note, Tenant(ReservationsEdit);
    Get  "/invoices"                => invoices::index, Tenant(View);
    Get  "/invoices/{id}"           => invoices::show, Tenant(View);
    Post "/invoices/{id}/credit"    => invoices::credit, Tenant(FolioVoid);
}

/// The security headers on every response (docs/ARCHITECTURE.md, "Security baseline").
pub fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add((
            "Content-Security-Policy",
            "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        ))
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("X-Frame-Options", "DENY"))
        .add(("Referrer-Policy", "same-origin"))
}

/// Turns malformed form bodies into the 400 page instead of actix's plain text.
pub fn form_config() -> web::FormConfig {
    web::FormConfig::default().limit(64 * 1024).error_handler(|err, req| {
        actix_web::error::InternalError::from_response(
            err,
            pages::error_page(
                actix_web::http::StatusCode::BAD_REQUEST,
                &crate::i18n::Msg::new("error-form-unreadable"),
                pages::request_tr(req),
                None,
            ),
        )
        .into()
    })
}
