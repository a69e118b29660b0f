/**
 * Keeps the presenter's window and the speaker-notes window on the same step (BroadcastChannel,
 * same origin only; both windows are this app). A window that opens asks where the others are
 * instead of announcing its own step, so opening the notes never drags the projector back; after
 * that each window posts its step when it changes and follows a step another posts. Equal steps
 * are ignored, so two windows never echo each other.
 */
import { useEffect, useRef } from 'react';
import type { LectureView } from '../state/lectureSlice';
import { lessonAddress, navigate } from './lessonRoute';

const CHANNEL = 'subspace-explorer-lesson';

type SyncMessage = { type: 'step'; lessonId: string; step: number } | { type: 'where' };

function isSyncMessage(data: unknown): data is SyncMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as SyncMessage;
  return message.type === 'where' || (message.type === 'step' && typeof message.lessonId === 'string' && Number.isInteger(message.step));
}

export function useLessonSync(lecture: Extract<LectureView, { kind: 'lesson' }>): void {
  const { lessonId, step, presenting, notes } = lecture;
  const opened = useRef(false);
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(CHANNEL);
    const here: SyncMessage = { type: 'step', lessonId, step };
    channel.onmessage = (event: MessageEvent<unknown>) => {
      const message = event.data;
      if (!isSyncMessage(message)) return;
      if (message.type === 'where') {
        channel.postMessage(here);
        return;
      }
      if (message.lessonId === lessonId && message.step === step) return;
      navigate(lessonAddress({ lessonId: message.lessonId, step: message.step, presenting, notes }));
    };
    channel.postMessage(opened.current ? here : ({ type: 'where' } satisfies SyncMessage));
    opened.current = true;
    return () => channel.close();
  }, [lessonId, step, presenting, notes]);
}
