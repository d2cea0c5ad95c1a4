//! Journey maps meet corrective actions: an opportunity card becomes an
//! action on a problem, and the card remembers it.

use crate::action::{self, Action, NewAction};
use crate::error::Result;
use crate::ids::CardId;
use crate::journey;
use crate::store::Writer;

/// Makes a corrective action from a live opportunity card
/// ([`crate::Error::NotAnOpportunity`] for a card of another lane, and
/// nothing changes) and records on the card that it became this action.
/// The action is checked and created as [`action::create`] does; a blank
/// title takes the card's text (cut to the action title's length, the
/// whole text then going to a blank description).
pub fn action_from_opportunity(
    w: &mut Writer<'_>,
    card: CardId,
    input: &NewAction,
) -> Result<Action> {
    let card = journey::write::opportunity(w, card)?;
    let mut input = input.clone();
    if input.title.trim().is_empty() {
        let text = crate::write::one_line(&card.text);
        let text = text.trim();
        let cut: String = text.chars().take(action::write::TITLE_MAX).collect();
        if cut.len() < text.len()
            && input
                .description
                .as_deref()
                .is_none_or(|d| d.trim().is_empty())
        {
            input.description = Some(card.text.clone());
        }
        input.title = cut;
    }
    let made = action::create(w, &input)?;
    journey::write::link_action(w, &card, made.id, &made.title)?;
    action::get(w.tx(), made.id)
}
