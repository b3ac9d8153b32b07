//! `hotelier seed`: a large, realistic dataset for measurements. One big organization
//! (at least 50,000 reservations when asked for that many) and many small ones, each with
//! hotels, room types, rooms, guests, stays laid out without overlaps, folio entries and
//! users. Deterministic from a fixed seed.

use chrono::{Duration, Utc};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::folio::NewFolioEntry;
use super::guests::GuestFields;
use super::hotels::HotelFields;
use super::memberships::NewMembership;
use super::reservations::NewReservation;
use super::room_types::RoomTypeFields;
use super::rooms::RoomFields;
use super::scope::PlatformGrant;
use super::tenants::NewTenant;
use super::users::NewUser;
use super::{Access, Db, DbResult, TenantScope};
use crate::domain::booking::confirmation_code;
use crate::domain::settings::TenantSettings;
use crate::domain::*;

#[derive(Debug, Default)]
pub struct SeedReport {
    pub tenants: usize,
    pub reservations: usize,
    pub big_tenant: String,
    pub big_reservations: usize,
}

/// Seeds `tenants` organizations holding about `reservations` stays in all. The first is
/// the big one. Login for every seeded user: `<role>@<slug>.seed` / `hotelier-seed`.
pub fn seed(db: &Db, tenants: usize, reservations: usize) -> anyhow::Result<SeedReport> {
    anyhow::ensure!(tenants >= 1, "seed at least one organization");
    let grant = PlatformGrant::operator();
    anyhow::ensure!(
        db.platform(&grant, Access::Read, |p| p.tenants().count())? == 0,
        "the database already has organizations"
    );
    let hash = crate::domain::password::hash("hotelier-seed")?;
    let big = if tenants == 1 { reservations } else { (reservations / 2).max(reservations.min(50_000)) };
    let small = if tenants > 1 { (reservations - big.min(reservations)) / (tenants - 1) } else { 0 };
    let mut report = SeedReport::default();
    for i in 0..tenants {
        let target = if i == 0 { big } else { small };
        let slug = if i == 0 { "big-chain".to_owned() } else { format!("org-{i:04}") };
        let made = db.platform(&grant, Access::Write, |p| {
            let id = TenantId::new();
            p.tenants().create(&NewTenant {
                id,
                name: if i == 0 { "Big Chain Hotels".into() } else { format!("Organization {i}") },
                slug: slug.clone(),
                kind: if i == 0 { TenantKind::Chain } else { TenantKind::Independent },
                status: TenantStatus::Active,
                email: None,
                phone: None,
                address: None,
                currency: "USD".into(),
                timezone: "America/New_York".into(),
                locale: "en".into(),
                plan: if i == 0 { Plan::Enterprise } else { Plan::Starter },
                trial_ends_at: None,
                settings: TenantSettings::default().to_json().into(),
            })?;
            let mut members = Vec::new();
            for role in [Role::Owner, Role::Manager, Role::Staff] {
                let user = NewUser {
                    id: UserId::new(),
                    email: format!("{}@{slug}.seed", role.as_str()),
                    full_name: format!("{} of {slug}", role.label()),
                    password_hash: hash.clone(),
                    is_super_admin: false,
                };
                p.users().create(&user)?;
                members.push((user.id, role));
            }
            let mut t = p.tenant(id);
            for (user_id, role) in members {
                t.memberships().create(&NewMembership {
                    user_id,
                    role,
                    permissions: vec![],
                    is_primary: true,
                    expires_at: None,
                })?;
            }
            fill(&mut t, i as u64, target)
        })?;
        report.tenants += 1;
        report.reservations += made;
        if i == 0 {
            report.big_tenant = slug;
            report.big_reservations = made;
        }
    }
    super::health::analyze(db)?;
    Ok(report)
}

/// Hotels, rooms, guests and about `target` stays for one organization.
fn fill(t: &mut TenantScope<'_>, seed: u64, target: usize) -> DbResult<usize> {
    let mut rng = ChaCha8Rng::seed_from_u64(0x5EED ^ seed);
    // Enough rooms that the stays fit over 545 days at about 60% occupancy.
    let rooms_needed = ((target as f64 * 3.5) / (545.0 * 0.6)).ceil().max(4.0) as usize;
    let hotels = rooms_needed.div_ceil(120).max(1);
    let guests: Vec<GuestId> = (0..(target / 4).clamp(20, 20_000))
        .map(|g| {
            t.guests()
                .create(&GuestFields {
                    first_name: format!("Guest{g}"),
                    last_name: ["Smith", "Garcia", "Chen", "Silva", "Müller", "Okafor", "Kowalski", "Tanaka"][g % 8]
                        .into(),
                    email: Some(format!("guest{g}@seed.example")),
                    ..GuestFields::default()
                })
                .map(|x| x.id)
        })
        .collect::<DbResult<_>>()?;
    let today = Utc::now().date_naive();
    let mut made = 0;
    for h in 0..hotels {
        let hotel = t.hotels().create(&HotelFields {
            code: format!("H{h:03}"),
            name: format!("Seed Hotel {h}"),
            timezone: "America/New_York".into(),
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
                base_rate: 14_900,
                is_active: true,
            },
        )?;
        let rooms_here = (rooms_needed / hotels).max(1);
        for n in 0..rooms_here {
            let room = t.rooms().create(
                hotel.id,
                &RoomFields {
                    room_type_id: room_type.id,
                    number: format!("{}{:02}", 1 + n / 50, n % 50),
                    floor: Some(1 + (n / 50) as i32),
                    housekeeping_status: HousekeepingStatus::Clean,
                    is_active: true,
                    notes: None,
                },
            )?;
            let mut day = today - Duration::days(365) + Duration::days(rng.gen_range(0..3));
            while day < today + Duration::days(180) && made < target {
                let nights = rng.gen_range(1..=6);
                let check_out = day + Duration::days(nights);
                let status = if check_out < today {
                    if rng.gen_bool(0.06) {
                        ReservationStatus::Cancelled
                    } else {
                        ReservationStatus::CheckedOut
                    }
                } else if day <= today {
                    ReservationStatus::CheckedIn
                } else {
                    ReservationStatus::Confirmed
                };
                let r = t.reservations().create(&NewReservation {
                    hotel_id: hotel.id,
                    room_type_id: room_type.id,
                    room_id: Some(room.id),
                    guest_id: *guests.choose(&mut rng).expect("guests"),
                    confirmation_code: confirmation_code(&mut rng),
                    check_in: day,
                    check_out,
                    adults: 2,
                    children: 0,
                    status,
                    nightly_rate: 14_900,
                    total_amount: 14_900 * nights,
                    source: ReservationSource::Website,
                    notes: None,
                })?;
                if status == ReservationStatus::CheckedOut {
                    t.folio().post(&NewFolioEntry {
                        reservation_id: r.id,
                        kind: FolioKind::Payment,
                        description: "Payment".into(),
                        amount: r.total_amount,
                        method: Some(PaymentMethod::Card),
                        reference: None,
                        service_date: None,
                    })?;
                }
                made += 1;
                day = check_out + Duration::days(rng.gen_range(0..3));
            }
        }
    }
    Ok(made)
}
