/* This browser's localStorage, the only place progress is kept. Every read is validated
   and every failure survivable: blocked or full storage, records from another version. */
import facts from "./facts.js";
import { isRecord, isSlug } from "./records.js";

const PREFIX = facts.storagePrefix;
export const BLOCKED = "Progress can't be saved in this browser (storage is blocked or full).";

/** localStorage if this browser lets the site read it, else null. A full store is still
    readable: everything saved must stay visible even when nothing more can be written. */
export function storage() {
  try {
    const store = localStorage;
    store.getItem(PREFIX);
    return store;
  } catch {
    return null;
  }
}

/** Whether a write succeeds now (a blocked or full store refuses). */
export function writable() {
  const store = storage();
  try {
    store.setItem(PREFIX, "");
    store.removeItem(PREFIX);
    return true;
  } catch {
    return false;
  }
}

export function write(id, record) {
  try {
    storage().setItem(PREFIX + id, JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

/** Keep a record under an aside key before something replaces it; false if it cannot be kept. */
export function keepAside(id, record) {
  try {
    storage().setItem(`${PREFIX}aside:${id}:${Date.now()}`, JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

/** Every valid saved record, by exercise id; a Map, so no id can reach Object.prototype. */
export function readAll() {
  const store = storage();
  const records = new Map();
  for (let i = 0; store && i < store.length; i++) {
    const key = store.key(i);
    const id = key.slice(PREFIX.length);
    if (!key.startsWith(PREFIX) || !isSlug(id)) continue; // not ours, or set aside
    try {
      const record = JSON.parse(store.getItem(key));
      if (isRecord(record)) records.set(id, record);
    } catch {
      /* unreadable: skipped */
    }
  }
  return records;
}

/** The saved record for an exercise, or a notice why it starts fresh. A record that
    cannot be used is moved aside, never deleted. */
export function load(id, version) {
  const store = storage();
  if (!store) return { notice: BLOCKED };
  const raw = store.getItem(PREFIX + id);
  if (raw === null) return {};
  let record = null;
  try {
    record = JSON.parse(raw);
  } catch {
    /* reported below */
  }
  const problem = !isRecord(record) ? "could not be read" : record.version !== version ? "was for an earlier version of this exercise" : "";
  if (!problem) return { record };
  try {
    store.setItem(`${PREFIX}aside:${id}:${Date.now()}`, raw);
  } catch {
    /* full: the old record stays where it is */
    return {
      notice: `Your saved progress ${problem}, and there is no room to keep it aside, so this exercise is not saved for now.`,
      readOnly: true,
    };
  }
  store.removeItem(PREFIX + id);
  return { notice: `Your saved progress ${problem}, so the exercise starts fresh. The old answers were kept aside.` };
}

export function readSetting(name) {
  try {
    return storage()?.getItem(`${PREFIX}${name}`) ?? "";
  } catch {
    return "";
  }
}

export function writeSetting(name, value) {
  try {
    storage()?.setItem(`${PREFIX}${name}`, value);
  } catch {
    /* not saved: the page still works */
  }
}
