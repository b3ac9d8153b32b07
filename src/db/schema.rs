//! Diesel table definitions. Private to `db`: code outside this module cannot name a
//! table, so every tenant-owned query has to go through the scopes in `db::scope`.
//! Written by hand to match `migrations/{postgres,sqlite}`; `tests/app/catalog.rs`
//! checks the live catalog against the isolation rules.

use super::types::sql::{Id, Json, UtcTime};

diesel::table! {
    use diesel::sql_types::*;
    use super::{Id, Json, UtcTime};

    tenants (id) {
        id -> Id,
        name -> Text,
        slug -> Text,
        kind -> Text,
        status -> Text,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        address -> Nullable<Text>,
        currency -> Text,
        timezone -> Text,
        locale -> Text,
        plan -> Text,
        trial_ends_at -> Nullable<UtcTime>,
        settings -> Json,
        created_at -> UtcTime,
        updated_at -> UtcTime,
        deleted_at -> Nullable<UtcTime>,
        version -> Integer,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::{Id, UtcTime};

    users (id) {
        id -> Id,
        email -> Text,
        full_name -> Text,
        password_hash -> Text,
        is_super_admin -> Bool,
        is_active -> Bool,
        failed_logins -> Integer,
        last_failed_login_at -> Nullable<UtcTime>,
        locked_until -> Nullable<UtcTime>,
        session_epoch -> Integer,
        last_login_at -> Nullable<UtcTime>,
        created_at -> UtcTime,
        updated_at -> UtcTime,
        version -> Integer,
        kiosk_pin_hash -> Nullable<Text>,
        language -> Nullable<Text>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::{Id, Json, UtcTime};

    user_tenant_associations (tenant_id, id) {
        tenant_id -> Id,
        id -> Id,
        user_id -> Id,
        role -> Text,
        permissions -> Json,
        is_active -> Bool,
        is_primary -> Bool,
        assigned_at -> UtcTime,
        expires_at -> Nullable<UtcTime>,
        last_accessed_at -> Nullable<UtcTime>,
        created_at -> UtcTime,
        updated_at -> UtcTime,
        version -> Integer,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::{Id, UtcTime};

    hotels (tenant_id, id) {
        tenant_id -> Id,
        id -> Id,
        code -> Text,
        name -> Text,
        brand -> Nullable<Text>,
        address -> Nullable<Text>,
        city -> Nullable<Text>,
        country -> Nullable<Text>,
        timezone -> Text,
        star_rating -> Nullable<Integer>,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        is_active -> Bool,
        business_date -> Nullable<Date>,
        created_at -> UtcTime,
        updated_at -> UtcTime,
        version -> Integer,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::{Id, UtcTime};

    room_types (tenant_id, id) {
        tenant_id -> Id,
        id -> Id,
        hotel_id -> Id,
        code -> Text,
        name -> Text,
        description -> Nullable<Text>,
        base_occupancy -> Integer,
        max_occupancy -> Integer,
        base_rate -> BigInt,
        is_active -> Bool,
        created_at -> UtcTime,
        updated_at -> UtcTime,
        version -> Integer,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::{Id, UtcTime};

    rooms (tenant_id, id) {
        tenant_id -> Id,
        id -> Id,
        hotel_id -> Id,
        room_type_id -> Id,
        number -> Text,
        floor -> Nullable<Integer>,
        housekeeping_status -> Text,
        is_active -> Bool,
        notes -> Nullable<Text>,
        created_at -> UtcTime,
        updated_at -> UtcTime,
        version -> Integer,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::{Id, UtcTime};

    guests (tenant_id, id) {
        tenant_id -> Id,
        id -> Id,
        first_name -> Text,
        last_name -> Text,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        document_type -> Nullable<Text>,
        document_number -> Nullable<Text>,
        nationality -> Nullable<Text>,
        notes -> Nullable<Text>,
        vip -> Bool,
        created_at -> UtcTime,
        updated_at -> UtcTime,
        version -> Integer,
        language -> Nullable<Text>,
        no_marketing -> Bool,
        no_email -> Bool,
        email_problem -> Nullable<Text>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::{Id, UtcTime};

    reservations (tenant_id, id) {
        tenant_id -> Id,
        id -> Id,
        hotel_id -> Id,
        room_type_id -> Id,
        room_id -> Nullable<Id>,
        guest_id -> Id,
        confirmation_code -> Text,
        check_in -> Date,
        check_out -> Date,
        adults -> Integer,
        children -> Integer,
        status -> Text,
        nightly_rate -> BigInt,
        total_amount -> BigInt,
        source -> Text,
        notes -> Nullable<Text>,
        cancellation_reason -> Nullable<Text>,
        confirmed_at -> Nullable<UtcTime>,
        checked_in_at -> Nullable<UtcTime>,
        checked_out_at -> Nullable<UtcTime>,
        cancelled_at -> Nullable<UtcTime>,
        no_show_at -> Nullable<UtcTime>,
        created_by -> Nullable<Id>,
        created_at -> UtcTime,
        updated_at -> UtcTime,
        version -> Integer,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::{Id, UtcTime};

    folio_entries (tenant_id, id) {
        tenant_id -> Id,
        id -> Id,
        reservation_id -> Id,
        kind -> Text,
        description -> Text,
        amount -> BigInt,
        method -> Nullable<Text>,
        reference -> Nullable<Text>,
        service_date -> Nullable<Date>,
        created_by -> Nullable<Id>,
        created_at -> UtcTime,
        voids_entry_id -> Nullable<Id>,
        void_reason -> Nullable<Text>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::{Id, Json, UtcTime};

    audit_log (id) {
        id -> Id,
        tenant_id -> Nullable<Id>,
        user_id -> Nullable<Id>,
        action -> Text,
        entity_type -> Text,
        entity_id -> Nullable<Text>,
        before -> Nullable<Json>,
        after -> Nullable<Json>,
        ip -> Nullable<Text>,
        user_agent -> Nullable<Text>,
        request_id -> Nullable<Text>,
        created_at -> UtcTime,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::{Id, UtcTime};

    sessions (id_hash) {
        id_hash -> Text,
        user_id -> Nullable<Id>,
        active_tenant_id -> Nullable<Id>,
        sid -> Nullable<Text>,
        state -> Text,
        user_agent -> Nullable<Text>,
        ip -> Nullable<Text>,
        created_at -> UtcTime,
        last_seen_at -> UtcTime,
        expires_at -> UtcTime,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::{Id, UtcTime};

    room_blocks (tenant_id, id) {
        tenant_id -> Id,
        id -> Id,
        hotel_id -> Id,
        room_id -> Id,
        kind -> Text,
        starts_on -> Date,
        ends_on -> Date,
        reason -> Text,
        created_by -> Nullable<Id>,
        created_at -> UtcTime,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::{Id, UtcTime};

    rate_plans (tenant_id, id) {
        tenant_id -> Id,
        id -> Id,
        hotel_id -> Id,
        code -> Text,
        name -> Text,
        parent_id -> Nullable<Id>,
        adjust_kind -> Nullable<Text>,
        adjust_value -> Nullable<BigInt>,
        is_active -> Bool,
        deposit_kind -> Text,
        deposit_value -> BigInt,
        deposit_due_days -> Integer,
        cancel_hours -> Nullable<Integer>,
        penalty_kind -> Text,
        penalty_value -> BigInt,
        no_show_kind -> Text,
        no_show_value -> BigInt,
        created_at -> UtcTime,
        updated_at -> UtcTime,
        version -> Integer,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::Id;

    rate_plan_prices (tenant_id, rate_plan_id, room_type_id) {
        tenant_id -> Id,
        rate_plan_id -> Id,
        room_type_id -> Id,
        hotel_id -> Id,
        price -> Nullable<BigInt>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::Id;

    rate_days (tenant_id, rate_plan_id, room_type_id, day) {
        tenant_id -> Id,
        rate_plan_id -> Id,
        room_type_id -> Id,
        day -> Date,
        price -> Nullable<BigInt>,
        min_stay -> Nullable<Integer>,
        max_stay -> Nullable<Integer>,
        closed -> Bool,
        closed_to_arrival -> Bool,
        closed_to_departure -> Bool,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::Id;

    reservation_nights (tenant_id, reservation_id, night) {
        tenant_id -> Id,
        reservation_id -> Id,
        night -> Date,
        rate_plan_id -> Nullable<Id>,
        price -> BigInt,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::{Id, UtcTime};

    tax_rules (tenant_id, id) {
        tenant_id -> Id,
        id -> Id,
        hotel_id -> Id,
        code -> Text,
        name -> Text,
        kind -> Text,
        rate -> Nullable<BigInt>,
        amount -> Nullable<BigInt>,
        included -> Bool,
        applies_to -> Text,
        exempt_children -> Bool,
        valid_from -> Date,
        valid_to -> Nullable<Date>,
        created_at -> UtcTime,
        updated_at -> UtcTime,
        version -> Integer,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::Id;

    folio_taxes (tenant_id, entry_id, tax_rule_id) {
        tenant_id -> Id,
        entry_id -> Id,
        tax_rule_id -> Id,
        amount -> BigInt,
        included -> Bool,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::{Id, UtcTime};

    companies (tenant_id, id) {
        tenant_id -> Id,
        id -> Id,
        name -> Text,
        tax_id -> Nullable<Text>,
        address -> Nullable<Text>,
        email -> Nullable<Text>,
        created_at -> UtcTime,
        updated_at -> UtcTime,
        version -> Integer,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::Id;

    invoice_counters (tenant_id, hotel_id, series) {
        tenant_id -> Id,
        hotel_id -> Id,
        series -> Text,
        last_number -> BigInt,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::{Id, Json, UtcTime};

    invoices (tenant_id, id) {
        tenant_id -> Id,
        id -> Id,
        hotel_id -> Id,
        reservation_id -> Id,
        kind -> Text,
        series -> Text,
        number -> BigInt,
        code -> Text,
        credits_invoice_id -> Nullable<Id>,
        company_id -> Nullable<Id>,
        bill_to_name -> Text,
        bill_to -> Json,
        issuer -> Json,
        currency -> Text,
        language -> Text,
        net -> BigInt,
        tax -> BigInt,
        total -> BigInt,
        payments -> Json,
        issued_at -> UtcTime,
        issued_by -> Nullable<Id>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::{Id, Json};

    invoice_lines (tenant_id, invoice_id, line_no) {
        tenant_id -> Id,
        invoice_id -> Id,
        line_no -> Integer,
        entry_id -> Id,
        credits_line -> Nullable<Integer>,
        description -> Text,
        service_date -> Nullable<Date>,
        net -> BigInt,
        tax -> BigInt,
        total -> BigInt,
        taxes -> Json,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::{Id, UtcTime};

    hotel_messaging (tenant_id, hotel_id) {
        tenant_id -> Id,
        hotel_id -> Id,
        from_name -> Nullable<Text>,
        reply_to -> Nullable<Text>,
        signature -> Nullable<Text>,
        pre_arrival_days -> Integer,
        updated_at -> UtcTime,
        version -> Integer,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::{Id, UtcTime};

    message_templates (tenant_id, hotel_id, event, language) {
        tenant_id -> Id,
        hotel_id -> Id,
        event -> Text,
        language -> Text,
        subject -> Text,
        body -> Text,
        updated_at -> UtcTime,
        version -> Integer,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::{Id, UtcTime};

    outbox_messages (tenant_id, id) {
        tenant_id -> Id,
        id -> Id,
        hotel_id -> Id,
        reservation_id -> Id,
        guest_id -> Id,
        event -> Text,
        language -> Nullable<Text>,
        recipient -> Nullable<Text>,
        from_name -> Nullable<Text>,
        reply_to -> Nullable<Text>,
        subject -> Nullable<Text>,
        body_text -> Nullable<Text>,
        body_html -> Nullable<Text>,
        status -> Text,
        attempts -> Integer,
        due_at -> UtcTime,
        lease_until -> Nullable<UtcTime>,
        claimed_by -> Nullable<Text>,
        last_error -> Nullable<Text>,
        sent_at -> Nullable<UtcTime>,
        resend_of -> Nullable<Id>,
        created_by -> Nullable<Id>,
        created_at -> UtcTime,
        penalty -> Nullable<BigInt>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::{Id, UtcTime};

    stay_notes (tenant_id, id) {
        tenant_id -> Id,
        id -> Id,
        reservation_id -> Id,
        body -> Text,
        created_by -> Nullable<Id>,
        created_at -> UtcTime,
    }
}

diesel::allow_tables_to_appear_in_same_query!(
    tenants,
    users,
    user_tenant_associations,
    hotels,
    room_types,
    rooms,
    guests,
    reservations,
    folio_entries,
    room_blocks,
    rate_plans,
    rate_plan_prices,
    rate_days,
    reservation_nights,
    tax_rules,
    folio_taxes,
    companies,
    invoice_counters,
    invoices,
    invoice_lines,
    hotel_messaging,
    message_templates,
    outbox_messages,
    stay_notes,
    audit_log,
    sessions,
);
