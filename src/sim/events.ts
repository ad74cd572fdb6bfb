// Event kinds on the engine's heap.
export const EV_CPU = 1; // a CPU's next non-quiet clock step (a = cpu, b = generation)
export const EV_WAKE = 2; // a timed sleep ends (a = thread, b = its wakeGen)
export const EV_INTR = 3; // an interrupt source fires (a = source)
export const EV_INTR_END = 4; // an interrupt thread finishes (a = cpu)
export const EV_UPDATE = 5; // ts_update, once a second
export const EV_IDLE_RETRY = 6; // an idle CPU retries a steal (a = cpu)
export const EV_SDC = 7; // sysdc_update
