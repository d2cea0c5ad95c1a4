import type { TFunction } from "i18next";
import { useEffect, useId, useRef, useState, type SubmitEvent } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { AppError } from "../../api/errors";
import {
  useConnectHub,
  useDisconnectHub,
  useHubStatus,
  useHubWorkspaces,
  useJoinHub,
  useSyncNow,
  type HubWorkspace,
} from "../../api/hub";
import type { HubStatus } from "../../bindings/HubStatus";
import { describeError } from "../../i18n/errors";
import { formatTimestamp, useDateTimeFormat, useNumberFormat } from "../../i18n/format";

const FIELD_MESSAGES = {
  hubAddress: {
    required: "team.errors.hubAddress.required",
    invalid: "team.errors.hubAddress.invalid",
    tooLong: "team.errors.hubAddress.tooLong",
  },
  hubToken: {
    required: "team.errors.hubToken.required",
    invalid: "team.errors.hubToken.invalid",
    tooLong: "team.errors.hubToken.tooLong",
  },
} as const;

type HubField = keyof typeof FIELD_MESSAGES;

/** The message for a field the core refused, or null. */
function fieldError(t: TFunction, error: AppError | null, field: HubField): string | null {
  if (error?.code !== "invalid_input") return null;
  const broken = (error.details.fields ?? []).find((f) => f.field === field);
  if (broken === undefined) return null;
  const messages = FIELD_MESSAGES[field];
  switch (broken.rule) {
    case "required":
      return t(messages.required);
    case "too_long":
      return t(messages.tooLong, { count: broken.limit ?? 0 });
    default:
      return t(messages.invalid);
  }
}

/** Where syncing stands, in one sentence. */
export function describeHubState(
  t: TFunction,
  status: HubStatus,
  when: (iso: string) => string,
  count: (n: number) => string,
): string {
  switch (status.state) {
    case "off":
      return t("team.state.off");
    case "syncing":
      return t("team.state.syncing");
    case "offline":
      return status.waiting > 0
        ? t("team.state.offlineWaiting", { count: status.waiting, n: count(status.waiting) })
        : t("team.state.offline");
    case "error":
      return status.error !== null
        ? t("team.state.error", { reason: describeError(t, new AppError(status.error)) })
        : t("team.state.errorUnknown");
    case "idle":
      if (status.waiting > 0) {
        return t("team.state.waiting", { count: status.waiting, n: count(status.waiting) });
      }
      return status.lastSync !== null
        ? t("team.state.upToDate", { when: when(status.lastSync) })
        : t("team.state.connected");
  }
}

function WorkspaceId({ id }: { id: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const labelId = useId();
  return (
    <div className="team-id">
      <span id={labelId} className="field-label">
        {t("team.workspaceId")}
      </span>
      <code className="ltr-text" dir="ltr" aria-labelledby={labelId} data-testid="team-workspace-id">
        {id}
      </code>
      <button
        type="button"
        className="button button--ghost"
        data-testid="team-copy-id"
        onClick={() => {
          void navigator.clipboard
            .writeText(id)
            .then(() => {
              setCopied(true);
            })
            .catch(() => {
              setCopied(false);
            });
        }}
      >
        {copied ? t("team.copied") : t("team.copyId")}
      </button>
      <p className="field-hint">{t("team.workspaceIdHint")}</p>
    </div>
  );
}

function ConnectForm({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const [address, setAddress] = useState("");
  const [token, setToken] = useState("");
  const [error, setError] = useState<AppError | null>(null);
  const [offered, setOffered] = useState<HubWorkspace[] | null>(null);
  const connect = useConnectHub();
  const list = useHubWorkspaces();
  const join = useJoinHub();
  const addressId = useId();
  const tokenId = useId();
  const busy = connect.isPending || list.isPending || join.isPending;
  const addressError = fieldError(t, error, "hubAddress");
  const tokenError = fieldError(t, error, "hubToken");
  const otherError = error !== null && addressError === null && tokenError === null ? error : null;

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setOffered(null);
    connect.mutate({ address, token }, { onError: setError });
  };

  return (
    <form className="team-form" onSubmit={onSubmit} noValidate data-testid="team-form">
      <p className="field-hint">{t("team.intro")}</p>
      <div className="field">
        <label className="field-label" htmlFor={addressId}>
          {t("team.address")}
        </label>
        <input
          id={addressId}
          className="text-input ltr-text"
          dir="ltr"
          type="url"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          placeholder="https://hub.example.org"
          value={address}
          aria-invalid={addressError !== null}
          aria-describedby={addressError !== null ? `${addressId}-error` : undefined}
          data-testid="team-address"
          onChange={(event) => {
            setAddress(event.target.value);
          }}
        />
        {addressError !== null && (
          <p id={`${addressId}-error`} className="field-error" data-testid="team-address-error">
            {addressError}
          </p>
        )}
      </div>
      <div className="field">
        <label className="field-label" htmlFor={tokenId}>
          {t("team.token")}
        </label>
        <input
          id={tokenId}
          className="text-input ltr-text"
          dir="ltr"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          aria-invalid={tokenError !== null}
          aria-describedby={tokenError !== null ? `${tokenId}-error` : `${tokenId}-hint`}
          data-testid="team-token"
          onChange={(event) => {
            setToken(event.target.value);
          }}
        />
        {tokenError !== null ? (
          <p id={`${tokenId}-error`} className="field-error" data-testid="team-token-error">
            {tokenError}
          </p>
        ) : (
          <p id={`${tokenId}-hint`} className="field-hint">
            {t("team.tokenHint")}
          </p>
        )}
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={busy} data-testid="team-connect">
          {connect.isPending ? t("team.connecting") : t("team.connect")}
        </button>
        <button
          type="button"
          className="button button--ghost"
          disabled={busy}
          data-testid="team-list"
          onClick={() => {
            setError(null);
            list.mutate(
              { address, token },
              {
                onSuccess: setOffered,
                onError: (e) => {
                  setOffered(null);
                  setError(e);
                },
              },
            );
          }}
        >
          {t("team.openFromHub")}
        </button>
      </div>
      {otherError !== null && (
        <p className="field-error" role="alert" data-testid="team-error">
          {describeError(t, otherError)}
        </p>
      )}
      {offered !== null && (
        <div className="team-offered" data-testid="team-offered">
          {offered.length === 0 ? (
            <p className="field-hint">{t("team.noneOffered")}</p>
          ) : (
            <>
              <p className="field-hint">{t("team.offeredHint")}</p>
              <ul className="team-offered-list">
                {offered.map((w) => (
                  <li key={w.id} className="team-offered-item">
                    <span dir="auto" className="team-offered-name">
                      {w.name}
                    </span>
                    {w.id === workspaceId ? (
                      <span className="field-hint">{t("team.thisOne")}</span>
                    ) : (
                      <button
                        type="button"
                        className="button"
                        disabled={busy}
                        data-testid={`team-join-${w.id}`}
                        onClick={() => {
                          setError(null);
                          join.mutate(
                            { address, token, workspaceId: w.id, name: w.name },
                            { onError: setError },
                          );
                        }}
                      >
                        {t("team.join")}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </form>
  );
}

function Connected({ status }: { status: HubStatus }) {
  const { t } = useTranslation();
  const dateTime = useDateTimeFormat();
  const numbers = useNumberFormat();
  const syncNow = useSyncNow();
  const disconnect = useDisconnectHub();
  const [error, setError] = useState<AppError | null>(null);
  const state = describeHubState(
    t,
    status,
    (iso) => formatTimestamp(dateTime, iso),
    (n) => numbers.format(n),
  );
  return (
    <div className="team-connected" data-testid="team-connected">
      <p className="team-address">
        {t("team.connectedTo")}{" "}
        <span className="ltr-text" dir="ltr" data-testid="team-connected-address">
          {status.address}
        </span>
      </p>
      <p
        className={`team-state team-state--${status.state}`}
        role="status"
        data-testid="team-state"
        data-state={status.state}
      >
        {state}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={status.state === "syncing" || syncNow.isPending}
          data-testid="team-sync-now"
          onClick={() => {
            setError(null);
            syncNow.mutate(undefined, { onError: setError });
          }}
        >
          {t("team.syncNow")}
        </button>
        <button
          type="button"
          className="button button--ghost"
          disabled={disconnect.isPending}
          data-testid="team-disconnect"
          onClick={() => {
            setError(null);
            disconnect.mutate(undefined, { onError: setError });
          }}
        >
          {t("team.disconnect")}
        </button>
      </div>
      <p className="field-hint">{t("team.disconnectHint")}</p>
      {error !== null && (
        <p className="field-error" role="alert">
          {describeError(t, error)}
        </p>
      )}
    </div>
  );
}

/** Settings → Team: the open workspace and the team hub. */
export function TeamSection() {
  const { t } = useTranslation();
  const status = useHubStatus();
  const headingId = useId();
  const { hash } = useLocation();
  const section = useRef<HTMLElement>(null);
  const loaded = status.data !== undefined;
  useEffect(() => {
    // Arrived from the sidebar's line about the hub.
    if (hash === "#team" && loaded) section.current?.scrollIntoView({ block: "start" });
  }, [hash, loaded]);
  return (
    <section
      ref={section}
      id="team"
      className="settings-section"
      aria-labelledby={headingId}
      data-testid="team-section"
    >
      <h2 id={headingId}>{t("team.title")}</h2>
      {status.isPending && (
        <p className="status-line" role="status">
          {t("team.loading")}
        </p>
      )}
      {status.isError && (
        <p className="field-error" role="alert">
          {describeError(t, status.error)}
        </p>
      )}
      {status.data !== undefined &&
        (status.data.address === null ? (
          <ConnectForm workspaceId={status.data.workspaceId} />
        ) : (
          <Connected status={status.data} />
        ))}
      {status.data !== undefined && <WorkspaceId id={status.data.workspaceId} />}
    </section>
  );
}
