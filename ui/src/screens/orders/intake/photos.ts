// The operating system's «Открыть» dialog for intake photos, behind one small
// function: the window takes it as a prop with this default, tests pass a fake.
import { open } from "@tauri-apps/plugin-dialog";
import { t } from "../../../lib/i18n";

/** What the core copies as a photo. */
export const PHOTO_EXTENSIONS = ["jpg", "jpeg", "png", "webp"] as const;

export type PickPhotos = () => Promise<string[]>;

/** The chosen files' paths; empty when the operator cancelled. */
export const pickPhotos: PickPhotos = async () => {
  const chosen = await open({
    multiple: true,
    directory: false,
    filters: [{ name: t("intake.photos.filter"), extensions: [...PHOTO_EXTENSIONS] }],
  });
  if (chosen === null) return [];
  return Array.isArray(chosen) ? chosen : [chosen];
};

/** The file's name for messages: «IMG_0412.jpg» of a full path. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}
