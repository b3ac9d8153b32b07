//! Guest messages through a real SMTP server (aiosmtpd, started per test): the booking's
//! confirmation in the guest's language with the code and the guest's typed HTML escaped;
//! changes, cancellations and invoices; the guest's choices; a bounce flagged on the
//! guest; a refused booking writing nothing; a claim whose worker died sent once after
//! its lease; two instances sending 100 bookings' messages exactly once (PostgreSQL); the
//! thread on the reservation page, and a hotel's own template with its preview.

use std::path::Path;
use std::time::Duration;

use hotelier::config::MailSettings;
use hotelier::db::guests::GuestFields;
use hotelier::db::messages::OutboxMessage;
use hotelier::db::{Access, Db};
use hotelier::domain::{GuestId, MessageEvent, OutboxStatus, ReservationId, TenantId};
use hotelier::mailer::{Transport, Worker};

use crate::support::*;
use crate::{both_backends_async, postgres_only};

both_backends_async!(
    a_booking_is_confirmed_in_the_guests_language,
    changes_cancellations_and_invoices_tell_the_guest,
    the_guests_choices_are_kept,
    a_message_is_written_as_the_guest_is_when_it_goes_out,
    a_bounce_fails_the_message_and_flags_the_address,
    a_refused_booking_leaves_nothing_in_the_outbox,
    a_claim_whose_worker_died_goes_out_once,
    the_thread_shows_messages_and_notes,
    a_hotels_own_template_is_previewed_and_used,
    the_server_sends_through_its_own_worker,
    the_plans_cap_warns_then_stops
);
postgres_only!(two_instances_send_each_message_once);

fn worker(db: &Db, smtp: &SmtpServer, lease: Duration) -> Worker {
    let settings = MailSettings { smtp_url: Some(smtp.url()), lease, ..MailSettings::default() };
    Worker::new(db.clone(), Transport::of(&settings, Path::new(".")).unwrap(), &settings)
}

/// Claims and renders what is due at `at`, as the worker would then: answers what is to
/// be sent.
fn claim_at(db: &Db, at: hotelier::domain::Timestamp) -> Vec<OutboxMessage> {
    let until = hotelier::domain::Timestamp(at.0 + chrono::Duration::seconds(60));
    db.platform(&hotelier::db::PlatformGrant::operator(), Access::Write, |p| {
        let claimed = p.outbox().claim("test", at, until, 100)?;
        hotelier::stays::messages::render_claimed(p, "test", claimed)
    })
    .unwrap()
}

/// Runs rounds until nothing is due; answers how many messages were claimed.
async fn drain(w: &Worker) -> usize {
    let w = w.clone();
    tokio::task::spawn_blocking(move || {
        let mut total = 0;
        loop {
            match w.round().expect("round") {
                0 => return total,
                n => total += n,
            }
        }
    })
    .await
    .unwrap()
}

fn outbox(db: &Db, tenant: TenantId, id: ReservationId) -> Vec<OutboxMessage> {
    db.tenant(tenant, None, Access::Read, |s| s.messages().of_reservation(id)).unwrap()
}

fn events(messages: &[OutboxMessage]) -> Vec<(MessageEvent, OutboxStatus)> {
    let mut e: Vec<_> = messages.iter().map(|m| (m.event, m.status)).collect();
    e.sort_by_key(|(e, s)| (e.as_str(), s.as_str()));
    e
}

/// Changes the guest through the repository the guest form uses.
fn edit_guest(db: &Db, tenant: TenantId, id: GuestId, change: impl FnOnce(&mut GuestFields)) {
    db.tenant(tenant, None, Access::Write, |s| {
        let g = s.guests().get(id)?;
        let mut f = GuestFields {
            first_name: g.first_name,
            last_name: g.last_name,
            email: g.email,
            phone: g.phone,
            document_type: g.document_type,
            document_number: g.document_number,
            nationality: g.nationality,
            notes: g.notes,
            vip: g.vip,
            language: g.language,
            no_marketing: g.no_marketing,
            no_email: g.no_email,
        };
        change(&mut f);
        s.guests().update(id, g.version, &f)
    })
    .unwrap();
}

fn code_of(db: &Db, org: &Org, id: ReservationId) -> String {
    reservation(db, org, id).confirmation_code
}

async fn a_booking_is_confirmed_in_the_guests_language(backend: Backend) {
    let w = world(backend).await;
    let smtp = SmtpServer::start();
    edit_guest(w.db(), w.a.id, w.a.guest, |g| {
        g.first_name = "Ana <script>alert(1)</script>".into();
        g.language = Some("pt-BR".into());
    });
    let staff = desk(&w, &w.team_a.staff).await;
    let id = booked_id(&staff.post_form("/reservations", &booking(&w.a, day(1), day(3))).await);
    let code = code_of(w.db(), &w.a, id);
    assert_eq!(drain(&worker(w.db(), &smtp, Duration::from_secs(60))).await, 1, "the confirmation is due now");
    let got = smtp.wait_for(1);
    assert_eq!(got.len(), 1, "{got:?}");
    let m = &got[0];
    assert_eq!(m.envelope_to, "guest@alpha-hotels.test");
    assert!(m.subject.contains(&code) && m.subject.contains("está confirmada"), "{}", m.subject);
    assert_eq!(m.language, "pt-BR");
    assert!(m.text.contains(&format!("Código de confirmação: {code}")), "{}", m.text);
    assert!(m.from.contains("alpha-hotels Central"), "the hotel's name shows: {}", m.from);
    assert!(m.html.contains("Ana &lt;script&gt;alert(1)&lt;/script&gt;"), "{}", m.html);
    assert!(!m.html.contains("<script>"), "guest-typed HTML is escaped: {}", m.html);
    // Recorded as sent; B sees none of it.
    let mine = outbox(w.db(), w.a.id, id);
    assert!(mine.iter().any(|m| m.event == MessageEvent::BookingConfirmed && m.status == OutboxStatus::Sent));
    assert!(outbox(w.db(), w.b.id, id).is_empty(), "another organization never sees a message");
}

async fn changes_cancellations_and_invoices_tell_the_guest(backend: Backend) {
    let w = world(backend).await;
    let smtp = SmtpServer::start();
    let staff = desk(&w, &w.team_a.staff).await;
    let id = booked_id(&staff.post_form("/reservations", &booking(&w.a, day(10), day(12))).await);
    let page = staff.get(&format!("/reservations/{id}/edit")).await;
    let mut form = hidden_inputs(&page, &format!("/reservations/{id}"));
    for (k, v) in [
        ("check_in", day(10).to_string()),
        ("check_out", day(13).to_string()),
        ("adults", "2".into()),
        ("children", "0".into()),
    ] {
        form = with(form, k, &v);
    }
    let edited = staff.post_form(&format!("/reservations/{id}"), &form).await;
    assert_eq!(edited.status, 303, "{}", edited.short());
    post_folio(&staff, id, &[("kind", "charge"), ("amount", "25.00"), ("description", "Dinner")]).await;
    let issued = staff.post_form(&format!("/reservations/{id}/invoices"), &[("bill_to".into(), "guest".into())]).await;
    assert_eq!(issued.status, 303, "{}", issued.short());
    let cancelled = act(&staff, id, "cancel", &[("reason", "Guest asked")]).await;
    assert_eq!(cancelled.status, 303, "{}", cancelled.short());
    drain(&worker(w.db(), &smtp, Duration::from_secs(60))).await;
    let got = smtp.wait_for(4);
    let subjects: Vec<&str> = got.iter().map(|m| m.subject.as_str()).collect();
    let code = code_of(w.db(), &w.a, id);
    assert_eq!(got.len(), 4, "confirmed, changed, invoice, cancelled: {subjects:?}");
    assert!(subjects[0].contains("is confirmed") && subjects[1].contains("has changed"), "{subjects:?}");
    assert!(subjects[2].starts_with("Your invoice") && subjects[3].contains("is cancelled"), "{subjects:?}");
    assert!(got[1].text.contains("Nights: 3"), "the change shows the stay as it is now: {}", got[1].text);
    assert!(got.iter().all(|m| m.text.contains(&code) || m.subject.contains(&code)));
    // The reminder of the stay that was cancelled never goes out.
    let all = outbox(w.db(), w.a.id, id);
    let reminders: Vec<_> = all.iter().filter(|m| m.event == MessageEvent::PreArrival).map(|m| m.status).collect();
    assert!(!reminders.is_empty() && reminders.iter().all(|s| *s == OutboxStatus::Cancelled), "{reminders:?}");
}

async fn the_guests_choices_are_kept(backend: Backend) {
    let w = world(backend).await;
    let staff = desk(&w, &w.team_a.staff).await;
    // No marketing: the confirmation goes, the thank-you after check-out does not.
    edit_guest(w.db(), w.a.id, w.a.guest, |g| g.no_marketing = true);
    let r = w.a.reservation;
    set_housekeeping(w.db(), &w.a, w.a.rooms[0], hotelier::domain::HousekeepingStatus::Clean);
    let _ = act(&staff, r, "check_in", &[("room", &w.a.rooms[0].to_string())]).await;
    let owner = desk(&w, &w.team_a.owner).await;
    let out = act(&owner, r, "check_out", &[("override_balance", "on")]).await;
    assert_eq!(out.status, 303, "{}", out.short());
    let sent = outbox(w.db(), w.a.id, r);
    assert!(
        sent.iter().any(|m| m.event == MessageEvent::InvoiceIssued),
        "an invoice is transactional: {:?}",
        events(&sent)
    );
    // The thank-you waits for the next morning; when it comes, it is set aside.
    let thanks = sent.iter().find(|m| m.event == MessageEvent::PostStay).expect("the thank-you is due tomorrow");
    let ready = claim_at(w.db(), thanks.due_at);
    assert!(!ready.iter().any(|m| m.event == MessageEvent::PostStay), "no marketing: {:?}", events(&ready));
    let thanks = outbox(w.db(), w.a.id, r).into_iter().find(|m| m.event == MessageEvent::PostStay).unwrap();
    assert_eq!((thanks.status, thanks.last_error.as_deref()), (OutboxStatus::Cancelled, Some("skipped-no-marketing")));
    let page = staff.get(&format!("/reservations/{r}")).await;
    assert!(text(&page).contains("asked for no marketing"), "the thread says why: {}", page.short());
    // No email: nothing at all, and the thread says why.
    edit_guest(w.db(), w.a.id, w.a.guest, |g| g.no_email = true);
    let id = booked_id(&staff.post_form("/reservations", &booking(&w.a, day(20), day(22))).await);
    let smtp = SmtpServer::start();
    drain(&worker(w.db(), &smtp, Duration::from_secs(60))).await;
    let kept = outbox(w.db(), w.a.id, id);
    assert!(
        kept.iter().all(|m| m.status == OutboxStatus::Cancelled || m.due_at.0 > chrono::Utc::now()),
        "{:?}",
        events(&kept)
    );
    assert!(kept.iter().all(|m| m.status != OutboxStatus::Sent), "{:?}", events(&kept));
    std::thread::sleep(Duration::from_millis(300));
    assert!(smtp.received().is_empty(), "no email: nothing goes out");
    // And the guest form keeps the choices.
    let page = staff.get(&format!("/guests/{}/edit", w.a.guest)).await;
    assert!(page.body.contains(r#"name="no_email" value="on" checked"#), "{}", page.short());
}

/// The booking writes its messages as events; each is written for the guest as they are
/// when it goes out: in the language they chose since, or not at all once they asked
/// for no email (the thread says so).
async fn a_message_is_written_as_the_guest_is_when_it_goes_out(backend: Backend) {
    let w = world(backend).await;
    let smtp = SmtpServer::start();
    let staff = desk(&w, &w.team_a.staff).await;
    let first = booked_id(&staff.post_form("/reservations", &booking(&w.a, day(1), day(3))).await);
    let page = staff.get(&format!("/reservations/{first}")).await;
    assert!(text(&page).contains("is confirmed"), "a waiting message shows its preview: {}", page.short());
    edit_guest(w.db(), w.a.id, w.a.guest, |g| g.language = Some("pt-BR".into()));
    assert_eq!(drain(&worker(w.db(), &smtp, Duration::from_secs(60))).await, 1);
    let got = smtp.wait_for(1);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].language, "pt-BR", "the guest's language when it went out");
    assert!(got[0].subject.contains("está confirmada"), "{}", got[0].subject);
    let sent = outbox(w.db(), w.a.id, first).into_iter().find(|m| m.event == MessageEvent::BookingConfirmed).unwrap();
    assert_eq!((sent.status, sent.language.as_deref()), (OutboxStatus::Sent, Some("pt-BR")), "what went out is kept");
    // Booked, then the guest asks for no email before the worker's round.
    let second = booked_id(&staff.post_form("/reservations", &booking(&w.a, day(5), day(7))).await);
    edit_guest(w.db(), w.a.id, w.a.guest, |g| g.no_email = true);
    drain(&worker(w.db(), &smtp, Duration::from_secs(60))).await;
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(smtp.received().len(), 1, "nothing more went out");
    let confirmation =
        outbox(w.db(), w.a.id, second).into_iter().find(|m| m.event == MessageEvent::BookingConfirmed).unwrap();
    assert_eq!(confirmation.status, OutboxStatus::Cancelled);
    let page = staff.get(&format!("/reservations/{second}")).await;
    assert!(text(&page).contains("Not sent: the guest asked for no email."), "{}", page.short());
}

async fn a_bounce_fails_the_message_and_flags_the_address(backend: Backend) {
    let w = world(backend).await;
    let smtp = SmtpServer::start();
    edit_guest(w.db(), w.a.id, w.a.guest, |g| g.email = Some("bounce@alpha-hotels.test".into()));
    let staff = desk(&w, &w.team_a.staff).await;
    let id = booked_id(&staff.post_form("/reservations", &booking(&w.a, day(1), day(2))).await);
    drain(&worker(w.db(), &smtp, Duration::from_secs(60))).await;
    assert!(smtp.received().is_empty());
    let m = outbox(w.db(), w.a.id, id).into_iter().find(|m| m.event == MessageEvent::BookingConfirmed).unwrap();
    assert_eq!(m.status, OutboxStatus::Failed, "a 550 is permanent");
    assert!(m.last_error.as_deref().unwrap_or_default().contains("550"), "{:?}", m.last_error);
    let guest = w.db().tenant(w.a.id, None, Access::Read, |s| s.guests().get(w.a.guest)).unwrap();
    assert!(guest.email_problem.is_some(), "the address is flagged");
    let page = staff.get(&format!("/reservations/{id}")).await;
    assert!(text(&page).contains("did not reach this address"), "{}", page.short());
    // Corrected, and sent again: the new message goes to the new address.
    edit_guest(w.db(), w.a.id, w.a.guest, |g| g.email = Some("ana@alpha-hotels.test".into()));
    let guest = w.db().tenant(w.a.id, None, Access::Read, |s| s.guests().get(w.a.guest)).unwrap();
    assert!(guest.email_problem.is_none(), "a new address clears the flag");
    let again = staff.post(&format!("/reservations/{id}/messages/{}/resend", m.id), &[]).await;
    assert_eq!(again.status, 303, "{}", again.short());
    drain(&worker(w.db(), &smtp, Duration::from_secs(60))).await;
    let got = smtp.wait_for(1);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].envelope_to, "ana@alpha-hotels.test");
}

async fn a_refused_booking_leaves_nothing_in_the_outbox(backend: Backend) {
    let w = world(backend).await;
    let staff = desk(&w, &w.team_a.staff).await;
    let room = w.a.rooms[1].to_string();
    let form = with(booking(&w.a, day(5), day(7)), "room", &room);
    let first = booked_id(&staff.post_form("/reservations", &form).await);
    let count = |db: &Db| reservations(db, &w.a).iter().map(|r| outbox(db, w.a.id, r.id).len()).sum::<usize>();
    let before = count(w.db());
    assert!(before >= 1, "the first booking wrote its confirmation");
    let refused = staff.post_form("/reservations", &form).await;
    assert_ne!(refused.status, 303, "the room is taken: {}", refused.short());
    assert_eq!(count(w.db()), before, "a rolled-back booking sends nothing");
    assert!(!outbox(w.db(), w.a.id, first).is_empty());
}

async fn a_claim_whose_worker_died_goes_out_once(backend: Backend) {
    let w = world(backend).await;
    let smtp = SmtpServer::start();
    let staff = desk(&w, &w.team_a.staff).await;
    let id = booked_id(&staff.post_form("/reservations", &booking(&w.a, day(1), day(2))).await);
    // A worker claims with a one-second lease, then dies before sending.
    let dead = worker(w.db(), &smtp, Duration::from_secs(1));
    let claimed = tokio::task::spawn_blocking(move || dead.claim().unwrap()).await.unwrap();
    assert_eq!(claimed.len(), 1);
    drop(claimed);
    // The restarted server's worker leaves it while the lease holds, then sends it once.
    let alive = worker(w.db(), &smtp, Duration::from_secs(60));
    assert_eq!(drain(&alive).await, 0, "the lease still holds");
    tokio::time::sleep(Duration::from_millis(1_200)).await;
    assert_eq!(drain(&alive).await, 1);
    assert_eq!(drain(&alive).await, 0);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(smtp.received().len(), 1, "sent once");
    let m = outbox(w.db(), w.a.id, id).into_iter().find(|m| m.event == MessageEvent::BookingConfirmed).unwrap();
    assert_eq!((m.status, m.attempts), (OutboxStatus::Sent, 2));
}

/// Two instances on one PostgreSQL database, each with its worker: 100 bookings, 100
/// messages, each once.
fn two_instances_send_each_message_once() {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    rt.block_on(async {
        let w = world(Backend::Postgres).await;
        let smtp = SmtpServer::start();
        let staff = desk(&w, &w.team_a.staff).await;
        for i in 0..100 {
            let form = booking(&w.a, day(30 + i), day(31 + i));
            booked_id(&staff.post_form("/reservations", &form).await);
        }
        let (one, two) =
            (worker(w.db(), &smtp, Duration::from_secs(60)), worker(w.db(), &smtp, Duration::from_secs(60)));
        let (one, two) = (Worker { batch: 7, ..one }, Worker { batch: 7, ..two });
        let (a, b) = tokio::join!(drain(&one), drain(&two));
        assert_eq!(a + b, 100, "every due message claimed once ({a} + {b})");
        assert!(a > 0 && b > 0, "both instances sent ({a} + {b})");
        let got = smtp.wait_for(100);
        let mut ids: Vec<&str> = got.iter().map(|m| m.message_id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!((got.len(), ids.len()), (100, 100), "100 messages, no more");
    });
}

async fn the_thread_shows_messages_and_notes(backend: Backend) {
    let w = world(backend).await;
    let staff = desk(&w, &w.team_a.staff).await;
    let id = booked_id(&staff.post_form("/reservations", &booking(&w.a, day(1), day(3))).await);
    let path = format!("/reservations/{id}");
    // A note, then a message of the desk's own.
    let empty = staff.post(&format!("{path}/notes"), &[("note", "  ")]).await;
    assert_eq!(empty.status, 422, "{}", empty.short());
    let noted = staff.post(&format!("{path}/notes"), &[("note", "Late arrival, keep the room")]).await;
    assert_eq!(noted.status, 303, "{}", noted.short());
    let wrong =
        staff.post(&format!("{path}/messages"), &[("subject", ""), ("body", "Your parking <b>code</b> is 4411")]).await;
    assert_eq!(wrong.status, 422, "{}", wrong.short());
    assert!(wrong.body.contains("Your parking &#60;b&#62;code&#60;/b&#62; is 4411"), "what was typed is kept, escaped");
    let written =
        staff.post(&format!("{path}/messages"), &[("subject", "Parking"), ("body", "Your parking code is 4411")]).await;
    assert_eq!(written.status, 303, "{}", written.short());
    let page = staff.get(&path).await;
    let shown = text(&page);
    let (parking, note, confirmed) = (shown.find("Parking"), shown.find("Late arrival"), shown.find("is confirmed"));
    assert!(parking < note && note < confirmed && confirmed.is_some(), "newest first: {shown}");
    // Another organization's desk finds no such stay.
    let other = desk(&w, &w.team_b.staff).await;
    assert_eq!(other.get(&path).await.status, 404);
    let probe = other.post(&format!("{path}/notes"), &[("note", "from B")]).await;
    assert_eq!(probe.status, 404);
}

async fn a_hotels_own_template_is_previewed_and_used(backend: Backend) {
    let w = world(backend).await;
    let smtp = SmtpServer::start();
    let manager = desk(&w, &w.team_a.manager).await;
    let path = format!("/hotels/{}/messages/booking_confirmed/en", w.a.hotel);
    let editor = manager.get(&path).await;
    assert_eq!(editor.status, 200, "{}", editor.short());
    assert!(text(&editor).contains("{{code}}"), "the editor starts from the shipped wording");
    assert!(text(&editor).contains(&code_of(w.db(), &w.a, w.a.reservation)), "the preview shows a real stay");
    let typo = [("subject", "Booked: {{code}}"), ("body", "Hello {{gest_name}}"), ("version", "0"), ("intent", "save")];
    let refused = manager.post(&path, &typo).await;
    assert_eq!(refused.status, 422);
    assert!(
        text(&refused).contains("{{gest_name}}") && text(&refused).contains("Not a merge field"),
        "{}",
        refused.short()
    );
    let own = [
        ("subject", "Booked at {{hotel}}: {{code}}"),
        ("body", "Hello {{guest_name}}, see you on {{check_in}}."),
        ("version", "0"),
        ("intent", "save"),
    ];
    assert_eq!(manager.post(&path, &own).await.status, 303);
    let staff = desk(&w, &w.team_a.staff).await;
    let id = booked_id(&staff.post_form("/reservations", &booking(&w.a, day(1), day(2))).await);
    drain(&worker(w.db(), &smtp, Duration::from_secs(60))).await;
    let got = smtp.wait_for(1);
    let code = code_of(w.db(), &w.a, id);
    assert_eq!(got[0].subject, format!("Booked at alpha-hotels Central: {code}"));
    assert!(got[0].text.starts_with("Hello Guest of alpha-hotels, see you on"), "{}", got[0].text);
    // B's manager cannot reach A's templates.
    let other = desk(&w, &w.team_b.manager).await;
    assert_eq!(other.get(&path).await.status, 404);
}

async fn the_server_sends_through_its_own_worker(backend: Backend) {
    let w = world(backend).await;
    let smtp = SmtpServer::start();
    let url = smtp.url();
    let address = start_app(&w.app.test_db, |s| {
        s.mail.worker = true;
        s.mail.smtp_url = Some(url);
        s.mail.poll = Duration::from_millis(100);
    });
    let mut staff = Browser::new(&address);
    staff.sign_in(&w.team_a.staff.account.email).await;
    let id = booked_id(&staff.post_form("/reservations", &booking(&w.a, day(1), day(2))).await);
    let got = smtp.wait_for(1);
    assert_eq!(got.len(), 1, "the server's worker sent the confirmation");
    assert!(got[0].subject.contains(&code_of(w.db(), &w.a, id)));
}

/// `n` one-off messages of A's probe stay, sent (claimed and recorded as the worker does).
fn sent_many(db: &Db, org: &Org, n: usize) {
    use hotelier::db::messages::{Delivery, NewMessage};
    db.tenant(org.id, None, Access::Write, |s| {
        for i in 0..n {
            s.messages().enqueue(&NewMessage {
                hotel_id: org.hotel,
                reservation_id: org.reservation,
                guest_id: org.guest,
                event: MessageEvent::OneOff,
                language: "en".into(),
                recipient: format!("guest{i}@{}.test", org.slug),
                from_name: "Desk".into(),
                reply_to: None,
                subject: format!("Note {i}"),
                body_text: "Hello".into(),
                body_html: "<p>Hello</p>".into(),
                status: OutboxStatus::Queued,
                due_at: hotelier::domain::Timestamp::now(),
                last_error: None,
                resend_of: None,
            })?;
        }
        Ok::<_, hotelier::db::DbError>(())
    })
    .unwrap();
    let now = hotelier::domain::Timestamp::now();
    let until = hotelier::domain::Timestamp(now.0 + chrono::Duration::seconds(60));
    db.platform(&hotelier::db::PlatformGrant::operator(), Access::Write, |p| {
        for m in p.outbox().claim("test", now, until, n as i64)? {
            p.outbox().finish(&m, "test", &Delivery::Sent)?;
        }
        Ok::<_, hotelier::db::DbError>(())
    })
    .unwrap();
}

async fn the_plans_cap_warns_then_stops(backend: Backend) {
    let w = world(backend).await;
    set_plan(&w, w.a.id, hotelier::domain::Plan::Starter);
    let cap = hotelier::domain::Plan::Starter.monthly_messages().unwrap() as usize;
    let manager = desk(&w, &w.team_a.manager).await;
    let page = format!("/hotels/{}/messages", w.a.hotel);
    assert!(text(&manager.get(&page).await).contains(&format!("0 of {cap} messages sent this month")));
    sent_many(w.db(), &w.a, cap * 8 / 10);
    let warned = text(&manager.get(&page).await);
    assert!(warned.contains("the plan's limit is near"), "{warned}");
    let mut root = w.browser();
    root.sign_in(&w.super_admin.email).await;
    let console = text(&root.get("/platform").await);
    assert!(console.contains(&format!("{} of {cap}", cap * 8 / 10)) && console.contains("near the cap"), "{console}");
    // At the cap the worker sends nothing more: a booking's confirmation fails, with why.
    sent_many(w.db(), &w.a, cap - cap * 8 / 10);
    let staff = desk(&w, &w.team_a.staff).await;
    let id = booked_id(&staff.post_form("/reservations", &booking(&w.a, day(1), day(2))).await);
    let smtp = SmtpServer::start();
    drain(&worker(w.db(), &smtp, Duration::from_secs(60))).await;
    assert!(smtp.received().is_empty(), "nothing beyond the cap");
    let m = outbox(w.db(), w.a.id, id).into_iter().find(|m| m.event == MessageEvent::BookingConfirmed).unwrap();
    assert_eq!(m.status, OutboxStatus::Failed);
    assert_eq!(m.last_error.as_deref(), Some(hotelier::db::messages::CAP_REACHED));
    assert!(text(&staff.get(&format!("/reservations/{id}")).await).contains("monthly message limit"));
    // B, on its own plan, is untouched.
    let other = desk(&w, &w.team_b.manager).await;
    assert!(!text(&other.get(&format!("/hotels/{}/messages", w.b.hotel)).await).contains("limit"));
}
