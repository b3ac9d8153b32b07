//! Fixture records made through the real repositories: two organizations of the same
//! shape, their settings and plans, and memberships.

use hotelier::db::memberships::NewMembership;
use hotelier::db::users::NewUser;
use hotelier::db::{Access, Db, PlatformGrant};
use hotelier::domain::{
    GuestId, HotelId, Plan, ReservationId, Role, RoomId, RoomTypeId, TenantId, TenantKind, TenantStatus, Timestamp,
    UserId,
};

use super::World;

/// One tenant's worth of records, made through the real repositories.
#[derive(Clone, Debug)]
pub struct Org {
    pub id: TenantId,
    pub slug: String,
    pub hotel: HotelId,
    pub room_type: RoomTypeId,
    pub rooms: Vec<RoomId>,
    pub guest: GuestId,
    pub reservation: ReservationId,
}

/// Two organizations, A and B, with the same shape: every test is an isolation test.
pub fn two_orgs(db: &Db) -> (Org, Org) {
    (make_org(db, "alpha-hotels", "USD"), make_org(db, "bravo-inns", "EUR"))
}

pub fn make_org(db: &Db, slug: &str, currency: &str) -> Org {
    use hotelier::db::guests::GuestFields;
    use hotelier::db::hotels::HotelFields;
    use hotelier::db::reservations::NewReservation;
    use hotelier::db::room_types::RoomTypeFields;
    use hotelier::db::rooms::RoomFields;
    use hotelier::db::tenants::NewTenant;
    use hotelier::domain::{HousekeepingStatus, ReservationSource, ReservationStatus};

    let id = TenantId::new();
    db.platform(&PlatformGrant::operator(), Access::Write, |p| {
        p.tenants().create(&NewTenant {
            id,
            name: format!("{slug} org"),
            slug: slug.into(),
            kind: TenantKind::Chain,
            status: TenantStatus::Active,
            email: None,
            phone: None,
            address: None,
            currency: currency.into(),
            timezone: "UTC".into(),
            locale: "en".into(),
            plan: Plan::Enterprise,
            trial_ends_at: None,
            settings: serde_json::json!({}).into(),
        })?;
        let mut t = p.tenant(id);
        let hotel = t.hotels().create(&HotelFields {
            code: "HQ".into(),
            name: format!("{slug} Central"),
            timezone: "UTC".into(),
            is_active: true,
            ..HotelFields::default()
        })?;
        let room_type = t.room_types().create(
            hotel.id,
            &RoomTypeFields {
                code: "STD".into(),
                name: "Standard".into(),
                description: None,
                base_occupancy: 2,
                max_occupancy: 3,
                base_rate: 10_000,
                is_active: true,
            },
        )?;
        let mut rooms = Vec::new();
        for number in ["101", "102", "103"] {
            let room = t.rooms().create(
                hotel.id,
                &RoomFields {
                    room_type_id: room_type.id,
                    number: number.into(),
                    floor: Some(1),
                    housekeeping_status: HousekeepingStatus::Clean,
                    is_active: true,
                    notes: None,
                },
            )?;
            rooms.push(room.id);
        }
        let guest = t.guests().create(&GuestFields {
            first_name: "Guest".into(),
            last_name: format!("of {slug}"),
            email: Some(format!("guest@{slug}.test")),
            ..GuestFields::default()
        })?;
        let today = chrono::Utc::now().date_naive();
        let reservation = t.reservations().create(&NewReservation {
            hotel_id: hotel.id,
            room_type_id: room_type.id,
            room_id: Some(rooms[0]),
            guest_id: guest.id,
            confirmation_code: format!("{}ABC123", &slug[..1].to_uppercase()),
            check_in: today,
            check_out: today + chrono::Duration::days(2),
            adults: 2,
            children: 0,
            status: ReservationStatus::Confirmed,
            nightly_rate: 10_000,
            total_amount: 20_000,
            source: ReservationSource::Direct,
            notes: None,
        })?;
        Ok::<_, hotelier::db::DbError>(Org {
            id,
            slug: slug.into(),
            hotel: hotel.id,
            room_type: room_type.id,
            rooms,
            guest: guest.id,
            reservation: reservation.id,
        })
    })
    .expect("fixture organization")
}

/// Changes an organization through the same repository call the settings page uses:
/// `change` edits its currency, timezone, locale and settings, the rest is kept.
pub fn update_organization(
    db: &Db,
    tenant: TenantId,
    change: impl FnOnce(&mut hotelier::db::tenants::OrganizationChanges, &mut hotelier::domain::settings::TenantSettings),
) {
    db.tenant(tenant, None, Access::Write, |s| {
        let t = s.organization()?;
        let mut settings = t.settings();
        let mut changes = hotelier::db::tenants::OrganizationChanges {
            currency: t.currency.clone(),
            timezone: t.timezone.clone(),
            locale: t.locale.clone(),
            settings: Default::default(),
        };
        change(&mut changes, &mut settings);
        changes.settings = settings.to_json().into();
        s.update_organization(t.version, &changes)
    })
    .expect("organization settings");
}

/// Makes `tenant` a Brazilian organization: BRL, locale `pt`.
pub fn make_brazilian(db: &Db, tenant: TenantId) {
    update_organization(db, tenant, |org, _| {
        org.currency = "BRL".into();
        org.locale = "pt".into();
    });
}

/// The settings form as the settings page posts it for an organization on the defaults
/// (USD, UTC, en), at `tenant`'s current version, with `changes` replacing or adding fields.
pub fn settings_form(db: &Db, tenant: TenantId, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let version = db.tenant(tenant, None, Access::Read, |s| s.organization()).expect("organization").version;
    let mut fields: Vec<(String, String)> = [
        ("currency", "USD"),
        ("timezone", "UTC"),
        ("locale", "en"),
        ("languages", "en"),
        ("check_in_time", "15:00"),
        ("check_out_time", "11:00"),
        ("night_audit_time", "03:00"),
        ("overbooking_percent", "0"),
        ("kiosk_idle_minutes", "5"),
        ("cancellation_policy", "Free cancellation until 24 hours before arrival."),
        ("payment_methods", "cash"),
        ("payment_methods", "card"),
    ]
    .into_iter()
    .filter(|(k, _)| !changes.iter().any(|(c, _)| c == k))
    .chain(changes.iter().copied())
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    fields.push(("version".into(), version.to_string()));
    fields
}

/// Changes only an organization's settings (see [`update_organization`]).
pub fn update_settings(
    db: &Db,
    tenant: TenantId,
    change: impl FnOnce(&mut hotelier::domain::settings::TenantSettings),
) {
    update_organization(db, tenant, |_, settings| change(settings));
}

pub fn new_membership(user: UserId, role: Role, primary: bool, expires_at: Option<Timestamp>) -> NewMembership {
    NewMembership { user_id: user, role, permissions: vec![], is_primary: primary, expires_at }
}

/// Moves an organization to another plan, as the operator.
pub fn set_plan(w: &World, tenant: TenantId, plan: hotelier::domain::Plan) {
    w.db()
        .platform(&PlatformGrant::operator(), Access::Write, |p| {
            let v = p.tenants().get(tenant)?.version;
            p.tenants().set_plan(tenant, v, plan)
        })
        .unwrap();
}

/// A new member of `org` with `role` and extra `permissions`, with the fixture password.
pub fn add_member(w: &World, org: &Org, email: &str, role: Role, permissions: &[&str]) -> UserId {
    let id = UserId::new();
    w.db()
        .platform(&PlatformGrant::operator(), Access::Write, |p| {
            p.users().create(&NewUser {
                id,
                email: email.into(),
                full_name: format!("Member {email}"),
                password_hash: w.password_hash.clone(),
                is_super_admin: false,
            })
        })
        .expect("user");
    w.db()
        .tenant(org.id, None, Access::Write, |s| {
            s.memberships().create(&NewMembership {
                user_id: id,
                role,
                permissions: permissions.iter().map(|p| (*p).to_owned()).collect(),
                is_primary: true,
                expires_at: None,
            })
        })
        .expect("membership");
    id
}
