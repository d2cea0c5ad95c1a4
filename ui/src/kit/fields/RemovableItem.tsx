function RemoveIcon() {
  return (
    <svg className="chip-remove-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
    </svg>
  );
}

export interface RemovableItemProps {
  className: string;
  testId: string;
  text: string;
  textClassName: string;
  /** The remove button's accessible name and tooltip. */
  removeLabel: string;
  removeTestId: string;
  onRemove: () => void;
}

/** One item of a list editor: its text and its own remove button. */
export function RemovableItem({
  className,
  testId,
  text,
  textClassName,
  removeLabel,
  removeTestId,
  onRemove,
}: RemovableItemProps) {
  return (
    <li className={className} data-testid={testId}>
      <bdi className={textClassName}>{text}</bdi>
      <button
        type="button"
        className="chip-remove"
        aria-label={removeLabel}
        title={removeLabel}
        data-testid={removeTestId}
        onClick={onRemove}
      >
        <RemoveIcon />
      </button>
    </li>
  );
}
