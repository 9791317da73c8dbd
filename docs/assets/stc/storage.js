/* This browser's localStorage, the only place progress is kept. Every read is validated
   and every failure survivable: blocked or full storage, records from another version. */
import facts from "./facts.js";
import { isRecord, isSlug } from "./records.js";

const PREFIX = facts.storagePrefix;
const SETTINGS = new Set(facts.storageSettings);
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
  try {
    const store = storage();
    store.setItem(PREFIX, "");
    store.removeItem(PREFIX);
    return true;
  } catch {
    return false;
  }
}

export function write(id, record) {
  if (SETTINGS.has(id)) return false;
  try {
    storage().setItem(PREFIX + id, JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

/** Save a record over whatever is stored for the exercise, which is kept aside first; false,
    and nothing written, if what is stored cannot be read or kept. Storage that lists fewer
    records than it holds can then never lead an import to overwrite one. */
export function replace(id, record) {
  if (SETTINGS.has(id)) return false;
  try {
    const store = storage();
    const old = store.getItem(PREFIX + id);
    if (old !== null && old !== JSON.stringify(record)) store.setItem(`${PREFIX}aside:${id}:${Date.now()}`, old);
    store.setItem(PREFIX + id, JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

/** The stored text under a key, or null when there is none or it cannot be read. */
function read(store, key) {
  try {
    return store.getItem(key);
  } catch {
    return null;
  }
}

/** Every key in the store; a store that throws while listing gives the keys listed so far. */
function keys(store) {
  const found = [];
  try {
    for (let i = 0; i < store.length; i++) found.push(store.key(i));
  } catch {
    /* the rest cannot be listed */
  }
  return found;
}

/** Every valid saved record, by exercise id; a Map, so no id can reach Object.prototype. */
export function readAll() {
  const store = storage();
  const records = new Map();
  for (const key of store ? keys(store) : []) {
    if (typeof key !== "string" || !key.startsWith(PREFIX)) continue; // not ours
    const id = key.slice(PREFIX.length);
    if (!isSlug(id) || SETTINGS.has(id)) continue; // set aside, or a setting
    try {
      const record = JSON.parse(read(store, key));
      if (isRecord(record)) records.set(id, record);
    } catch {
      /* unreadable: skipped */
    }
  }
  return records;
}

/** The records kept aside (replaced by an import, or saved for an older version of an
    exercise): the latest valid one for each exercise, by id. */
export function readAside() {
  const store = storage();
  const latest = new Map();
  for (const key of store ? keys(store) : []) {
    const match = typeof key === "string" && key.startsWith(`${PREFIX}aside:`) && /^(.+):(\d+)$/.exec(key.slice(PREFIX.length + 6));
    if (!match || !isSlug(match[1])) continue;
    try {
      const record = JSON.parse(read(store, key));
      const time = Number(match[2]);
      if (isRecord(record) && !(latest.get(match[1])?.time > time)) latest.set(match[1], { time, record });
    } catch {
      /* unreadable: skipped */
    }
  }
  return new Map([...latest].map(([id, { record }]) => [id, record]));
}

/** The saved record for an exercise, or a notice why it starts fresh. A record that
    cannot be used is moved aside, never deleted. */
export function load(id, version) {
  const store = storage();
  if (!store) return { notice: BLOCKED };
  let raw;
  try {
    raw = store.getItem(PREFIX + id);
  } catch {
    return { notice: BLOCKED, readOnly: true };
  }
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
  try {
    store.removeItem(PREFIX + id);
  } catch {
    /* kept aside and still in place: the fresh start replaces it on the next save */
  }
  return { notice: `Your saved progress ${problem}, so the exercise starts fresh. The old answers were kept aside.` };
}

function settingKey(name) {
  if (!SETTINGS.has(name)) throw new Error(`unknown setting ${name}`);
  return `${PREFIX}${name}`;
}

export function readSetting(name) {
  const store = storage();
  return (store && read(store, settingKey(name))) ?? "";
}

export function writeSetting(name, value) {
  try {
    storage()?.setItem(settingKey(name), value);
  } catch {
    /* not saved: the page still works */
  }
}
