/**
 * The user's settings (display name, language, theme, reminders): saved
 * optimistically, so the UI follows at once and rolls back on failure.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { Settings } from "../bindings/Settings";
import type { AppError } from "./errors";
import { queryKeys, useWrite } from "./freshness";
import { invoke } from "./invoke";

export function getSettings(): Promise<Settings> {
  return invoke<Settings>("settings_get");
}

/** Saves the whole settings object and returns what was stored. */
export function updateSettings(settings: Settings): Promise<Settings> {
  return invoke<Settings>("settings_update", { settings });
}

export function useSettings(options: { enabled?: boolean } = {}) {
  return useQuery<Settings, AppError>({
    queryKey: queryKeys.settings,
    queryFn: getSettings,
    enabled: options.enabled ?? true,
  });
}

/** Saves settings optimistically: the UI follows at once and rolls back on failure. */
export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useWrite<Settings, Settings, { previous: Settings | undefined }>(updateSettings, {
    onMutate: async (next) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.settings });
      const previous = queryClient.getQueryData<Settings>(queryKeys.settings);
      queryClient.setQueryData(queryKeys.settings, next);
      return { previous };
    },
    onError: (_error, _next, context) => {
      if (context?.previous !== undefined) {
        queryClient.setQueryData(queryKeys.settings, context.previous);
      }
    },
  });
}
