import { useId, useState, type ReactNode, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";
import { useDeleteMapping, useMappings, useSaveMapping } from "../../../api/helpdesk";
import type { HelpdeskCheck } from "../../../bindings/HelpdeskCheck";
import type { HelpdeskFormat } from "../../../bindings/HelpdeskFormat";
import type { ImportOptions } from "../../../bindings/ImportOptions";
import { ENUMS, LIMITS } from "../../../bindings/rules";
import type { Status } from "../../../bindings/Status";
import type { TextEncoding } from "../../../bindings/TextEncoding";
import type { TicketColumns } from "../../../bindings/TicketColumns";
import type { ValueMaps } from "../../../bindings/ValueMaps";
import { describeError } from "../../../i18n/errors";
import {
  ChannelSelect,
  checkText,
  describeFieldIssue,
  fieldMessagesFromError,
  SeveritySelect,
  type ControlProps,
} from "../../../kit/fields";
import { STATUS_ORDER } from "../../../kit/fields/rules";

/** The ticket fields a CSV column can hold, in the order the mapping lists them. */
export const TICKET_FIELDS = [
  "reference",
  "subject",
  "createdAt",
  "description",
  "status",
  "priority",
  "channel",
  "ticketType",
  "solvedAt",
  "resolutionTime",
  "tags",
  "satisfaction",
  "requester",
  "organization",
  "problemRef",
] as const satisfies readonly (keyof TicketColumns)[];

/** The fields an import cannot do without. */
const REQUIRED: ReadonlySet<keyof TicketColumns> = new Set(["reference", "subject", "createdAt"]);

/** The time zones the computer knows, the computer's own and UTC included. */
export function timeZones(own: string): string[] {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set(["UTC", own, ...known])].sort((a, b) => a.localeCompare(b));
}

/** The computer's time zone (UTC when it cannot say). */
export function ownTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone === "" ? "UTC" : zone;
}

function isFormat(value: string): value is HelpdeskFormat {
  return (ENUMS.helpdeskFormat as readonly string[]).includes(value);
}
function isEncoding(value: string): value is TextEncoding {
  return (ENUMS.textEncoding as readonly string[]).includes(value);
}
function isStatus(value: string): value is Status {
  return (STATUS_ORDER as readonly string[]).includes(value);
}

interface ImportSettingsProps {
  check: HelpdeskCheck;
  options: ImportOptions;
  onChange: (options: ImportOptions) => void;
  disabled: boolean;
  announce: (message: string) => void;
}

/**
 * How the file is read: its layout and encoding (as detected, changeable),
 * the help desk's time zone, a saved mapping to apply or this one to save,
 * which column holds what (CSV layouts), and the tables that turn the help
 * desk's channels, priorities and statuses into Rootwise's.
 */
export function ImportSettings({ check, options, onChange, disabled, announce }: ImportSettingsProps) {
  const { t } = useTranslation();
  const zoneId = useId();
  const own = ownTimeZone();
  const zone = options.timeZone ?? own;

  const setColumn = (field: keyof TicketColumns, header: string) => {
    // An unmapped field is left out, which the core reads as "not in the file".
    const columns: TicketColumns = Object.fromEntries(
      Object.entries({ ...check.columns, [field]: header }).filter(([, h]) => h !== ""),
    );
    onChange({ ...options, columns });
  };
  const setValues = (values: ValueMaps) => {
    onChange({ ...options, values });
  };

  return (
    <fieldset className="import-settings" disabled={disabled}>
      <legend>{t("helpdesk.settingsTitle")}</legend>
      <div className="import-map">
        <label className="import-map-row">
          <span>{t("helpdesk.format")}</span>
          <select
            className="select-input"
            value={check.format}
            data-testid="ticket-format"
            onChange={(event) => {
              const next = event.target.value;
              // Another layout has its own headers: let the core map them afresh.
              if (isFormat(next)) onChange({ ...options, format: next, columns: undefined });
            }}
          >
            {ENUMS.helpdeskFormat.map((f) => (
              <option key={f} value={f}>
                {t(`helpdesk.formatName.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="import-map-row">
          <span>{t("helpdesk.encoding")}</span>
          <select
            className="select-input"
            value={check.encoding}
            data-testid="ticket-encoding"
            onChange={(event) => {
              const next = event.target.value;
              if (isEncoding(next)) onChange({ ...options, encoding: next, columns: undefined });
            }}
          >
            {ENUMS.textEncoding.map((e) => (
              <option key={e} value={e}>
                {t(`helpdesk.encodingName.${e}`)}
              </option>
            ))}
          </select>
        </label>
        {check.format !== "zendesk_json" && (
          <div className="import-map-row">
            <label htmlFor={zoneId}>{t("helpdesk.timeZone")}</label>
            <select
              id={zoneId}
              className="select-input"
              value={zone}
              dir="ltr"
              data-testid="ticket-time-zone"
              onChange={(event) => {
                onChange({ ...options, timeZone: event.target.value });
              }}
            >
              {timeZones(zone).map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
            <span className="field-hint">{t("helpdesk.timeZoneHint")}</span>
          </div>
        )}
      </div>
      {check.replacedBytes && (
        <p className="field-error" role="alert" data-testid="ticket-replaced">
          {t("helpdesk.replaced")}
        </p>
      )}
      <label className="import-check-row">
        <input
          type="checkbox"
          checked={options.groupSimilar}
          data-testid="ticket-group-similar"
          onChange={(event) => {
            onChange({ ...options, groupSimilar: event.target.checked, split: [] });
          }}
        />
        <span>{t("helpdesk.groupSimilar")}</span>
      </label>
      <SavedMappings check={check} options={options} onChange={onChange} announce={announce} />
      {check.format !== "zendesk_json" && (
        <details className="import-section" open={check.format === "csv" || undefined}>
          <summary>{t("helpdesk.columnsTitle")}</summary>
          <div className="import-map">
            {TICKET_FIELDS.map((field) => {
              const header = check.columns[field] ?? "";
              const missing = REQUIRED.has(field) && header === "";
              return (
                <label key={field} className="import-map-row">
                  <span>
                    {t(`helpdesk.field.${field}`)}
                    {missing && (
                      <span className="field-error" data-testid={`ticket-map-${field}-missing`}>
                        {" "}
                        {t("errors.rule.required")}
                      </span>
                    )}
                  </span>
                  <select
                    className="select-input"
                    value={header}
                    aria-invalid={missing}
                    data-testid={`ticket-map-${field}`}
                    onChange={(event) => {
                      setColumn(field, event.target.value);
                    }}
                  >
                    <option value="">{t("helpdesk.notInFile")}</option>
                    {check.headers.map((h, i) => (
                      <option key={`${String(i)}-${h}`} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                </label>
              );
            })}
          </div>
        </details>
      )}
      <ValueTables values={check.values} onChange={setValues} />
    </fieldset>
  );
}

/**
 * One of the value tables: a row per value the file holds, the help
 * desk's word as the label of the control that says what it becomes.
 */
function ValueTable<R extends { value: string }>({
  title,
  testId,
  rows,
  control,
}: {
  title: string;
  testId: string;
  rows: readonly R[];
  control: (row: R, i: number, props: ControlProps) => ReactNode;
}) {
  const { t } = useTranslation();
  const base = useId();
  return (
    <section aria-label={title} data-testid={testId}>
      <h4>{title}</h4>
      {rows.length === 0 ? (
        <p className="field-hint">{t("helpdesk.noValues")}</p>
      ) : (
        <table className="import-value-table">
          <thead>
            <tr>
              <th scope="col">{t("helpdesk.inFile")}</th>
              <th scope="col">{t("helpdesk.becomesColumn")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const id = `${base}-${String(i)}`;
              return (
                <tr key={row.value}>
                  <th scope="row">
                    <label htmlFor={id}>
                      <bdi>{row.value}</bdi>
                    </label>
                  </th>
                  <td>{control(row, i, { id, "aria-invalid": false, "aria-describedby": undefined })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** `rows` with row `i` changed by `patch`. */
function replaced<R>(rows: readonly R[], i: number, patch: Partial<R>): R[] {
  return rows.map((r, j) => (j === i ? { ...r, ...patch } : r));
}

/** The three tables, one row per value the file holds. */
function ValueTables({ values, onChange }: { values: ValueMaps; onChange: (values: ValueMaps) => void }) {
  const { t } = useTranslation();
  return (
    <details className="import-section" open>
      <summary>{t("helpdesk.valuesTitle")}</summary>
      <p className="field-hint">{t("helpdesk.valuesHint")}</p>
      <div className="import-values">
        <ValueTable
          title={t("helpdesk.channels")}
          testId="ticket-channels"
          rows={values.channels}
          control={(row, i, props) => (
            <ChannelSelect
              {...props}
              value={row.channel}
              noneLabel={t("helpdesk.channelUnknown")}
              testId={`ticket-channel-${String(i)}`}
              onChange={(channel) => {
                onChange({ ...values, channels: replaced(values.channels, i, { channel }) });
              }}
            />
          )}
        />
        <ValueTable
          title={t("helpdesk.severities")}
          testId="ticket-severities"
          rows={values.severities}
          control={(row, i, props) => (
            <SeveritySelect
              {...props}
              value={row.severity}
              testId={`ticket-severity-${String(i)}`}
              onChange={(severity) => {
                onChange({ ...values, severities: replaced(values.severities, i, { severity }) });
              }}
            />
          )}
        />
        <ValueTable
          title={t("helpdesk.statuses")}
          testId="ticket-statuses"
          rows={values.statuses}
          control={(row, i, props) => (
            <select
              {...props}
              className="select-input"
              value={row.status}
              data-testid={`ticket-status-${String(i)}`}
              onChange={(event) => {
                const status = event.target.value;
                if (isStatus(status))
                  onChange({ ...values, statuses: replaced(values.statuses, i, { status }) });
              }}
            >
              {STATUS_ORDER.map((s) => (
                <option key={s} value={s}>
                  {t(`problem.status.${s}`)}
                </option>
              ))}
            </select>
          )}
        />
      </div>
    </details>
  );
}

/** Apply a mapping saved by name, save this one under a name, or delete the one applied. */
function SavedMappings({
  check,
  options,
  onChange,
  announce,
}: {
  check: HelpdeskCheck;
  options: ImportOptions;
  onChange: (options: ImportOptions) => void;
  announce: (message: string) => void;
}) {
  const { t } = useTranslation();
  const mappings = useMappings();
  const save = useSaveMapping();
  const remove = useDeleteMapping();
  const [chosen, setChosen] = useState("");
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const nameId = useId();
  const list = mappings.data ?? [];
  const applied = list.find((m) => m.id === chosen);

  const onSave = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const issue = checkText("name", name, LIMITS.helpdesk.mappingName, true);
    setError(issue === null ? null : describeFieldIssue(t, issue));
    if (issue !== null) return;
    save.mutate(
      {
        name,
        format: check.format,
        columns: check.columns,
        values: check.values,
        timeZone: options.timeZone ?? null,
      },
      {
        onSuccess: (saved) => {
          setChosen(saved.id);
          setName("");
          announce(t("helpdesk.savedDone", { name: saved.name }));
        },
        onError: (reason) => {
          setError(fieldMessagesFromError(t, reason).name ?? describeError(t, reason));
        },
      },
    );
  };

  return (
    <div className="import-saved">
      <label className="import-map-row">
        <span>{t("helpdesk.saved")}</span>
        <select
          className="select-input"
          value={chosen}
          data-testid="ticket-saved"
          onChange={(event) => {
            const id = event.target.value;
            setChosen(id);
            const mapping = list.find((m) => m.id === id);
            if (mapping === undefined) return;
            onChange({
              ...options,
              format: mapping.format,
              columns: mapping.columns,
              values: mapping.values,
              timeZone: mapping.timeZone ?? options.timeZone,
            });
          }}
        >
          <option value="">{t("helpdesk.savedNone")}</option>
          {list.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      {applied !== undefined && (
        <button
          type="button"
          className="button button--ghost"
          data-testid="ticket-saved-delete"
          disabled={remove.isPending}
          onClick={() => {
            remove.mutate(applied.id, {
              onSuccess: () => {
                setChosen("");
                announce(t("helpdesk.savedDeleted", { name: applied.name }));
              },
              onError: (reason) => {
                setError(describeError(t, reason));
              },
            });
          }}
        >
          {t("helpdesk.savedDelete")}
        </button>
      )}
      <form className="import-save-as" onSubmit={onSave} noValidate>
        <label htmlFor={nameId}>{t("helpdesk.saveAs")}</label>
        <input
          id={nameId}
          className="text-input"
          type="text"
          value={name}
          dir={name === "" ? undefined : "auto"}
          maxLength={LIMITS.helpdesk.mappingName}
          data-testid="ticket-save-name"
          aria-invalid={error !== null}
          onChange={(event) => {
            setName(event.target.value);
          }}
        />
        <button type="submit" className="button" disabled={save.isPending} data-testid="ticket-save">
          {t("helpdesk.save")}
        </button>
      </form>
      {error !== null && (
        <p className="field-error" role="alert" data-testid="ticket-saved-error">
          {error}
        </p>
      )}
    </div>
  );
}
