import { localStorageStore, type Store } from 'react-admin';

const APP_KEY = 'branch-ra';
const PREFIX = `RaStore${APP_KEY}.`;

/** Display preferences of this computer, not of the person: they outlive a sign-out. */
const isPreference = (key: string): boolean => key === 'version' || key === 'locale' || key.startsWith('preferences.');

/**
 * react-admin's localStorage store, except that sign-out (which resets the store) keeps the
 * language and the calendar; list filters, sorting and the rest still go with the user.
 */
export function createAppStore(): Store {
  const store = localStorageStore('1', APP_KEY);
  return {
    ...store,
    reset() {
      Object.keys(localStorage)
        .filter((key) => key.startsWith(PREFIX))
        .map((key) => key.slice(PREFIX.length))
        .filter((key) => !isPreference(key))
        .forEach((key) => store.removeItem(key));
    },
  };
}
