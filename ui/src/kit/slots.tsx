/**
 * Typed slots: where one feature's page shows a panel another feature owns
 * (the problem page lists the problem's personas, the analysis shows the
 * empathy notes behind a cause, both let you add an action). The host page
 * renders `<Slot name="…" props={…} />`; the composition root
 * (`src/shell/slots.tsx`) fills every slot with the owning feature's
 * component. Features therefore never import each other, and a slot's props
 * are checked on both sides. An unfilled slot renders nothing (a panel drawn
 * alone in a test).
 */
import { createContext, useContext, type ComponentType, type ReactNode } from "react";
import type { Action } from "../bindings/Action";
import type { ActionKind } from "../bindings/ActionKind";

/** What the host page passes to the "new action" form. */
export interface NewActionFormSlotProps {
  problemId: string;
  /** Root causes ticked at first (the cause a session is wrapping up). */
  causeIds?: readonly string[];
  /** What the title starts with (a suggestion). */
  initialTitle?: string;
  /** What the description starts with (the whole of a text the title had to shorten). */
  initialDescription?: string;
  initialKind?: ActionKind;
  /**
   * "full" asks everything; "brief" (the guided session) asks only the title,
   * the owner and the due day: the kind and the causes come from `causeIds`.
   */
  variant?: "full" | "brief";
  /** The title field's label, when the default does not fit. */
  titleLabel?: string;
  /** Prefix of every data-testid (`${testIdBase}-title`, `${testIdBase}-save`…). */
  testIdBase?: string;
  /** The journey map's opportunity card the action comes from (the card remembers it). */
  fromCardId?: string;
  /** After the core created it. */
  onCreated: (action: Action) => void;
  /** Cancel, or Escape anywhere in the form. */
  onCancel?: () => void;
}

/** Every slot, by name, with the props its host passes. */
export interface SlotProps {
  /** The personas panel of a problem page (owned by personas). */
  problemPersonas: { problemId: string };
  /** The form that adds an action to a problem (owned by actions). */
  newActionForm: NewActionFormSlotProps;
  /** The offer to undo deleting an action, shown where the user lands (owned by actions). */
  actionUndoToast: Record<string, never>;
  /** The empathy-map notes that support a cause (owned by empathy). */
  whyNotes: { whyId: string };
}

export type SlotName = keyof SlotProps;

/** The components that fill the slots. */
export type SlotComponents = { [K in SlotName]: ComponentType<SlotProps[K]> };

const SlotsContext = createContext<Partial<SlotComponents>>({});

/** Makes `slots` available to every host page below. */
export function SlotsProvider({ slots, children }: { slots: Partial<SlotComponents>; children: ReactNode }) {
  return <SlotsContext.Provider value={slots}>{children}</SlotsContext.Provider>;
}

/** Renders the component filling slot `name` with `props`; nothing where the slot is not filled. */
export function Slot<K extends SlotName>({ name, props }: { name: K; props: SlotProps[K] }) {
  const slots = useContext(SlotsContext);
  const Component: ComponentType<SlotProps[K]> | undefined = slots[name];
  return Component === undefined ? null : <Component {...props} />;
}
