//! The editable tables that turn a help desk's words into Rootwise's:
//! channel (or source), priority to severity, status; their defaults; and
//! column mappings saved by name in the workspace for the next import.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::parse::TicketColumns;
use super::ticket::HelpdeskFormat;
use crate::change::ChangeOp;
use crate::entity::IMPORT_MAPPING;
use crate::error::{Error, Result, Rule};
use crate::ids::ImportMappingId;
use crate::store::Writer;
use crate::vocab::{Channel, Severity, Status};
use crate::{time, trash, write as v};

/// One help-desk channel and the channel it becomes (none: unknown).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChannelRow {
    /// The help desk's word, as in the file.
    pub value: String,
    /// The channel it becomes.
    pub channel: Option<Channel>,
}

/// One help-desk priority and the severity it becomes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SeverityRow {
    /// The help desk's word, as in the file.
    pub value: String,
    /// The severity it becomes.
    pub severity: Severity,
}

/// One help-desk status and the status a new problem gets from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StatusRow {
    /// The help desk's word, as in the file.
    pub value: String,
    /// The status it becomes.
    pub status: Status,
}

/// The three tables. A value not listed gets its default (see
/// [`default_channel`], [`default_severity`]; every status is `new` by
/// default, as a ticket becomes a new problem).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ValueMaps {
    /// Channels.
    pub channels: Vec<ChannelRow>,
    /// Priorities to severities.
    pub severities: Vec<SeverityRow>,
    /// Statuses.
    pub statuses: Vec<StatusRow>,
}

fn key(value: &str) -> String {
    value.trim().to_lowercase().replace(['-', ' '], "_")
}

/// The channel a help desk's channel or source becomes by default
/// (Zendesk's `via` channels, Freshdesk's sources).
pub fn default_channel(value: &str) -> Option<Channel> {
    let k = key(value);
    if k.is_empty() {
        return None;
    }
    Some(match k.as_str() {
        "email" | "mail" | "outbound_email" | "e_mail" => Channel::Email,
        "voice" | "phone" | "call" | "phone_call" | "telephone" => Channel::Phone,
        "chat" | "native_messaging" | "messaging" | "whatsapp" | "sms" | "line" | "wechat"
        | "chat_transcript" | "any_channel" => Channel::Chat,
        "twitter" | "facebook" | "instagram" | "instagram_dm" | "social" | "forum"
        | "facebook_messenger" | "x" => Channel::Social,
        "web" | "web_form" | "web_widget" | "portal" | "help_center" | "feedback_widget"
        | "mobihelp" | "mobile" | "mobile_sdk" | "api" | "self_service" => Channel::SelfService,
        "walk_in" | "in_person" | "store" => Channel::InPerson,
        other => return Channel::parse(other).or(Some(Channel::Other)),
    })
}

/// The severity a priority becomes by default: urgent is critical, high,
/// normal or medium, low; Freshdesk's numbers 1-4 likewise; medium for
/// anything else.
pub fn default_severity(value: &str) -> Severity {
    match key(value).as_str() {
        "urgent" | "critical" | "4" => Severity::Critical,
        "high" | "3" => Severity::High,
        "low" | "1" => Severity::Low,
        _ => Severity::Medium,
    }
}

/// The tables looked up by value.
pub(crate) struct Lookup {
    channels: HashMap<String, Option<Channel>>,
    severities: HashMap<String, Severity>,
    statuses: HashMap<String, Status>,
}

impl Lookup {
    pub(crate) fn new(maps: &ValueMaps) -> Self {
        Self {
            channels: maps
                .channels
                .iter()
                .map(|r| (key(&r.value), r.channel))
                .collect(),
            severities: maps
                .severities
                .iter()
                .map(|r| (key(&r.value), r.severity))
                .collect(),
            statuses: maps
                .statuses
                .iter()
                .map(|r| (key(&r.value), r.status))
                .collect(),
        }
    }

    pub(crate) fn channel(&self, value: &str) -> Option<Channel> {
        self.channels
            .get(&key(value))
            .copied()
            .unwrap_or_else(|| default_channel(value))
    }

    pub(crate) fn severity(&self, value: &str) -> Severity {
        self.severities
            .get(&key(value))
            .copied()
            .unwrap_or_else(|| default_severity(value))
    }

    pub(crate) fn status(&self, value: &str) -> Status {
        self.statuses
            .get(&key(value))
            .copied()
            .unwrap_or(Status::New)
    }
}

/// Most distinct values a table lists (the rest take their defaults).
pub const VALUES_LISTED: usize = 100;

/// The distinct values of a file, in the order first met.
#[derive(Default)]
pub(crate) struct SeenValues {
    channels: Vec<String>,
    priorities: Vec<String>,
    statuses: Vec<String>,
}

impl SeenValues {
    pub(crate) fn note(&mut self, channel: &str, priority: &str, status: &str) {
        for (list, v) in [
            (&mut self.channels, channel),
            (&mut self.priorities, priority),
            (&mut self.statuses, status),
        ] {
            let v = v.trim();
            if !v.is_empty() && list.len() < VALUES_LISTED && !list.iter().any(|x| key(x) == key(v))
            {
                list.push(v.to_owned());
            }
        }
    }

    /// The tables for these values: the user's choice where given, else
    /// the default.
    pub(crate) fn tables(&self, given: &ValueMaps) -> ValueMaps {
        let look = Lookup::new(given);
        ValueMaps {
            channels: self
                .channels
                .iter()
                .map(|v| ChannelRow {
                    value: v.clone(),
                    channel: look.channel(v),
                })
                .collect(),
            severities: self
                .priorities
                .iter()
                .map(|v| SeverityRow {
                    value: v.clone(),
                    severity: look.severity(v),
                })
                .collect(),
            statuses: self
                .statuses
                .iter()
                .map(|v| StatusRow {
                    value: v.clone(),
                    status: look.status(v),
                })
                .collect(),
        }
    }
}

/// A column mapping saved by name, with its tables and time zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SavedMapping {
    /// Its id.
    pub id: ImportMappingId,
    /// The name the user gave it (unique among live mappings).
    pub name: String,
    /// The layout it reads.
    pub format: HelpdeskFormat,
    /// Which column is which.
    pub columns: TicketColumns,
    /// The channel, severity and status tables.
    pub values: ValueMaps,
    /// The account's time zone (IANA name), if set.
    #[ts(optional)]
    pub time_zone: Option<String>,
    /// When it was last saved.
    pub updated_at: DateTime<Utc>,
}

/// What is stored in the `mapping` column.
#[derive(Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Stored {
    columns: TicketColumns,
    values: ValueMaps,
    time_zone: Option<String>,
}

/// Longest mapping name.
pub const MAPPING_NAME_MAX: usize = 100;

/// Saves a mapping under `name`: a new one, or the live one of that name
/// (ignoring case) replaced. History records its name, format and mapping.
pub fn save_mapping(
    w: &mut Writer<'_>,
    name: &str,
    format: HelpdeskFormat,
    columns: &TicketColumns,
    values: &ValueMaps,
    time_zone: Option<&str>,
) -> Result<SavedMapping> {
    let name = v::line("name", name, MAPPING_NAME_MAX, true)?;
    if let Some(tz) = time_zone {
        if super::ticket::time_zone(tz).is_none() {
            return Err(Error::invalid("timeZone", Rule::Invalid, None));
        }
    }
    let stored = Stored {
        columns: columns.clone(),
        values: values.clone(),
        time_zone: time_zone.map(str::to_owned),
    };
    let json = serde_json::to_string(&stored)
        .map_err(|e| Error::Internal(format!("could not write the mapping: {e}")))?;
    let now = time::to_text(w.now());
    let existing = find(w.tx(), &name)?;
    let id = match existing {
        Some(before) => {
            let old_json: String = w.tx().query_row(
                "SELECT mapping FROM import_mappings WHERE id = ?1",
                [before.id],
                |r| r.get(0),
            )?;
            w.tx().execute(
                "UPDATE import_mappings SET name = ?1, format = ?2, mapping = ?3, updated_at = ?4
                 WHERE id = ?5",
                params![name, format, json, now, before.id],
            )?;
            let key = before.id.to_string();
            if before.format != format {
                w.record(
                    IMPORT_MAPPING,
                    &key,
                    ChangeOp::Update,
                    Some("format"),
                    Some(before.format.as_str()),
                    Some(format.as_str()),
                )?;
            }
            if old_json != json {
                w.record(
                    IMPORT_MAPPING,
                    &key,
                    ChangeOp::Update,
                    Some("mapping"),
                    Some(&old_json),
                    Some(&json),
                )?;
            }
            before.id
        }
        None => {
            let id = ImportMappingId::new();
            w.tx().execute(
                "INSERT INTO import_mappings (id, name, format, mapping, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                params![id, name, format, json, now],
            )?;
            let key = id.to_string();
            w.record(IMPORT_MAPPING, &key, ChangeOp::Create, None, None, None)?;
            for (field, value) in [
                ("name", name.as_str()),
                ("format", format.as_str()),
                ("mapping", &json),
            ] {
                w.record(
                    IMPORT_MAPPING,
                    &key,
                    ChangeOp::Create,
                    Some(field),
                    None,
                    Some(value),
                )?;
            }
            id
        }
    };
    get_mapping(w.tx(), id)
}

const COLUMNS: &str = "id, name, format, mapping, updated_at";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Result<SavedMapping>> {
    let (id, name, format, json, updated): (ImportMappingId, String, String, String, String) =
        (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
    Ok((|| {
        let stored: Stored = serde_json::from_str(&json).unwrap_or_default();
        Ok(SavedMapping {
            id,
            name,
            format: HelpdeskFormat::parse(&format).unwrap_or(HelpdeskFormat::Csv),
            columns: stored.columns,
            values: stored.values,
            time_zone: stored.time_zone,
            updated_at: time::from_text(&updated)?,
        })
    })())
}

/// One live saved mapping.
pub fn get_mapping(conn: &Connection, id: ImportMappingId) -> Result<SavedMapping> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM import_mappings WHERE id = ?1 AND deleted_at IS NULL"
    ))?
    .query_row([id], from_row)
    .optional()?
    .ok_or_else(|| Error::NotFound {
        entity: IMPORT_MAPPING,
        id: id.to_string(),
    })?
}

fn find(conn: &Connection, name: &str) -> Result<Option<SavedMapping>> {
    let found = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM import_mappings
             WHERE deleted_at IS NULL AND lower(trim(name)) = lower(trim(?1))
             ORDER BY updated_at DESC LIMIT 1"
        ))?
        .query_row([name], from_row)
        .optional()?;
    found.transpose()
}

/// The live mapping named `name` (ignoring case; the latest saved when a
/// merge left two); `not_found` (entity `import_mapping`) when none is.
pub fn mapping_by_name(conn: &Connection, name: &str) -> Result<SavedMapping> {
    find(conn, name)?.ok_or_else(|| Error::NotFound {
        entity: IMPORT_MAPPING,
        id: name.to_owned(),
    })
}

/// Every live saved mapping, by name.
pub fn list_mappings(conn: &Connection) -> Result<Vec<SavedMapping>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM import_mappings WHERE deleted_at IS NULL
         ORDER BY lower(name), updated_at DESC"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    rows.map(|r| r?).collect()
}

/// Moves a saved mapping to the trash.
pub fn delete_mapping(w: &mut Writer<'_>, id: ImportMappingId) -> Result<()> {
    trash::mark_deleted(w, IMPORT_MAPPING, &id.to_string())
}
