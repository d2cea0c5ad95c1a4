//! The user's settings.

use std::sync::Arc;

use rootwise_core::change::{ChangeEvent, ChangeOp};
use rootwise_core::settings::Settings;
use rootwise_core::Result;
use tauri::{AppHandle, State};

use super::{announce, blocking};
use crate::Shared;

/// The current settings.
#[tauri::command]
pub async fn settings_get(shared: State<'_, Arc<Shared>>) -> Result<Settings> {
    Ok(shared.settings())
}

/// Validates and saves new settings.
#[tauri::command]
pub async fn settings_update(
    app: AppHandle,
    shared: State<'_, Arc<Shared>>,
    settings: Settings,
) -> Result<Settings> {
    let saver = Arc::clone(&shared);
    let saved = blocking(move || saver.update_settings(settings)).await?;
    announce(&app, &ChangeEvent::new("settings", "", ChangeOp::Update));
    Ok(saved)
}
