import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { messageOf, unwrap } from '../../api/errors';
import { oauthErrorMessage } from './oauthErrors';

export type OAuthConnectState = { phase: 'idle' } | { phase: 'waiting' } | { phase: 'failed'; message: string };

type FlowOutcome = { connected: true } | { connected: false; message: string };

const POLL_MS = 1_000;
const POPUP_FEATURES = 'popup,width=620,height=720';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function flowStatus(flowId: string) {
  return unwrap(api.GET('/api/mcp/oauth/status/{flowId}', { params: { path: { flowId } } }));
}

function outcomeOf(status: Awaited<ReturnType<typeof flowStatus>>): FlowOutcome | null {
  if (status.completed) return { connected: true };
  if (status.failed) return { connected: false, message: oauthErrorMessage(status.error) };
  return null;
}

/**
 * Polls the flow until the callback settled it. A popup closed while the flow is still pending means the person
 * gave up: the flow is cancelled so that a late callback cannot complete it.
 */
async function watchFlow(serverName: string, flowId: string, popup: Window, stopped: () => boolean): Promise<FlowOutcome | null> {
  while (!stopped()) {
    await sleep(POLL_MS);
    const closed = popup.closed;
    const outcome = outcomeOf(await flowStatus(flowId));
    if (outcome) return outcome;
    if (closed) {
      await api.POST('/api/mcp/oauth/cancel/{serverName}', { params: { path: { serverName } }, body: { flowId } });
      return { connected: false, message: 'The sign-in window was closed before the sign-in finished.' };
    }
  }
  return null;
}

/**
 * "Connect" for an OAuth server: the window opens on the click itself (so no pop-up blocker stops it), then goes to
 * the authorization URL once the flow exists; `onConnected` runs when the callback stored the tokens.
 */
export function useOAuthConnect(serverName: string, onConnected: () => void) {
  const [state, setState] = useState<OAuthConnectState>({ phase: 'idle' });
  const unmounted = useRef(false);
  useEffect(() => {
    unmounted.current = false;
    return () => {
      unmounted.current = true;
    };
  }, []);

  async function connect() {
    const popup = window.open('', `mcp-oauth-${serverName}`, POPUP_FEATURES);
    if (!popup) {
      setState({ phase: 'failed', message: 'Your browser blocked the sign-in window. Allow pop-ups for this site and try again.' });
      return;
    }
    popup.opener = null;
    setState({ phase: 'waiting' });
    try {
      const flow = await unwrap(api.POST('/api/mcp/{serverName}/oauth/initiate', { params: { path: { serverName } } }));
      popup.location.href = flow.authorizationUrl;
      const outcome = await watchFlow(serverName, flow.flowId, popup, () => unmounted.current);
      if (!outcome || unmounted.current) return;
      if (!outcome.connected) {
        setState({ phase: 'failed', message: outcome.message });
        return;
      }
      setState({ phase: 'idle' });
      onConnected();
    } catch (error) {
      popup.close();
      if (!unmounted.current) setState({ phase: 'failed', message: messageOf(error) });
    }
  }

  return { state, connect, dismiss: () => setState({ phase: 'idle' }) };
}
