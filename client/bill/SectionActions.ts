/** Structure commands on the section holding the cursor, shared by the toolbar and the keyboard. */
export interface SectionActions {
  insert(): void;
  move(direction: -1 | 1): void;
  /** Asks for confirmation, naming the section, then deletes it in both languages. */
  remove(): void;
}
