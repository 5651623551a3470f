import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Schemas } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/Status';

type Server = Schemas['McpServer'];

/** Delete, and when the server is installed (409) offer to delete it with its installations. */
export function DeleteServerDialog({ server, onClose }: { server: Server; onClose(): void }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (force: boolean) =>
      unwrap(api.DELETE('/api/mcp/servers/{serverName}', { params: { path: { serverName: server.serverName }, query: force ? { force: true } : {} } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['servers'] });
      await queryClient.invalidateQueries({ queryKey: ['installations'] });
      onClose();
    },
  });
  const installed = remove.error instanceof ApiError && remove.error.status === 409;
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Delete ${server.title}?`}
      description="It is removed from the catalog for everyone it is shared with."
      confirmLabel={installed ? 'Delete with its installations' : 'Delete'}
      pending={remove.isPending}
      onConfirm={() => remove.mutate(installed)}
    >
      {installed ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          It is installed. Deleting it anyway also removes every installation of it and their stored settings.
        </p>
      ) : (
        remove.isError && <ErrorMessage error={remove.error} />
      )}
    </ConfirmDialog>
  );
}
