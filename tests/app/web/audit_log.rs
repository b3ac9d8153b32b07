//! The audit log reads as words: field: old → new, money in the organization's currency,
//! records by their code or name; no raw JSON, cents or ids.

use crate::both_backends_async;
use crate::support::*;

both_backends_async!(the_audit_log_shows_changes_in_words);

async fn the_audit_log_shows_changes_in_words(backend: Backend) {
    let w = world(backend).await;
    make_brazilian(w.db(), w.a.id);
    let admin = desk(&w, &w.team_a.admin).await;
    let id = w.a.reservation;
    post_folio(&admin, id, &[("kind", "charge"), ("amount", "25,50"), ("description", "Frigobar")]).await;
    let room = w.a.rooms[1];
    admin.post(&format!("/rooms/{room}/housekeeping"), &[("status", "dirty")]).await;

    let page = admin.get("/audit").await;
    assert_eq!(page.status, 200, "{}", page.short());
    let shown = text(&page);
    for words in [
        "Reserva AABC123 · Guest of alpha-hotels",
        "Valor:</span> R$ 25,50",
        "Descrição:</span> Frigobar",
        "Quarto 102",
        "Situação da governança:</span> Limpo → Sujo",
    ] {
        assert!(shown.contains(words), "{words:?} not on the page: {}", page.short());
    }
    for raw in ["2550", "{&quot;", "{\"", &id.to_string()[..], "housekeeping_status"] {
        let cells = &shown[shown.find("<tbody>").unwrap()..];
        assert!(!cells.contains(raw), "the log shows the raw {raw:?}: {}", page.short());
    }
}
