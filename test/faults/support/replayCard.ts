/** The name of the card the fault suite's replay function sends (appMain.ts, FAULT_REPLAY=1). */
export const REPLAY_CARD_NAME = 'fault-suite-replay';
