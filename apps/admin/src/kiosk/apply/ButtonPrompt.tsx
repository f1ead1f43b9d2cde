import { useNow } from '../../calendar/use-now';
import { ProgressPanel } from '../ProgressPanel';
import type { LiveProgress } from '../use-kiosk-session';

/** "Press the button on your ezSign", counting down the seconds the token still waits. */
export const ButtonPrompt = ({ progress }: { progress: LiveProgress }) => {
  const now = useNow(500);
  const total = progress.timeoutSeconds ?? 0;
  const left = Math.max(0, total - Math.floor((now.getTime() - progress.receivedAt) / 1000));
  return <ProgressPanel messageKey="kiosk.progress.PRESS_BUTTON" params={{ seconds: left }} />;
};
