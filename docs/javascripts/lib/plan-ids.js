// What every page needs before anyone clicks: which ids the stored plan holds, for the "Add to my
// plan" buttons' labels. Read leniently (a label only); whatever changes the plan goes through
// store.js, which planner.js loads on the first click (developers/planner-storage.md,
// "What loads where").
export const KEY = "recsite.planner";

export function storedIds(getStorage) {
  try {
    return new Set(JSON.parse(getStorage().getItem(KEY)).items.map((item) => item && item.id));
  } catch (e) { return new Set(); }
}
