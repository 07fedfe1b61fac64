package io.lakegate.server;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.avatica.remote.Service;

/**
 * A {@link Service} that passes every request to another one; decorators extend it and
 * override only the requests they care about.
 */
abstract class ForwardingService implements Service {
  protected final Service delegate;

  protected ForwardingService(Service delegate) {
    this.delegate = requireNonNull(delegate, "delegate");
  }

  @Override
  public Service.ResultSetResponse apply(Service.CatalogsRequest request) {
    return delegate.apply(request);
  }

  @Override
  public Service.ResultSetResponse apply(Service.SchemasRequest request) {
    return delegate.apply(request);
  }

  @Override
  public Service.ResultSetResponse apply(Service.TablesRequest request) {
    return delegate.apply(request);
  }

  @Override
  public Service.ResultSetResponse apply(Service.TableTypesRequest request) {
    return delegate.apply(request);
  }

  @Override
  public Service.ResultSetResponse apply(Service.TypeInfoRequest request) {
    return delegate.apply(request);
  }

  @Override
  public Service.ResultSetResponse apply(Service.ColumnsRequest request) {
    return delegate.apply(request);
  }

  @Override
  public Service.PrepareResponse apply(Service.PrepareRequest request) {
    return delegate.apply(request);
  }

  @Override
  public Service.ExecuteResponse apply(Service.ExecuteRequest request) {
    return delegate.apply(request);
  }

  @Override
  public Service.ExecuteResponse apply(Service.PrepareAndExecuteRequest request) {
    return delegate.apply(request);
  }

  @Override
  public Service.SyncResultsResponse apply(Service.SyncResultsRequest request) {
    return delegate.apply(request);
  }

  @Override
  public Service.FetchResponse apply(Service.FetchRequest request) {
    return delegate.apply(request);
  }

  @Override
  public Service.CreateStatementResponse apply(Service.CreateStatementRequest request) {
    return delegate.apply(request);
  }

  @Override
  public Service.CloseStatementResponse apply(Service.CloseStatementRequest request) {
    return delegate.apply(request);
  }

  @Override
  public Service.OpenConnectionResponse apply(Service.OpenConnectionRequest request) {
    return delegate.apply(request);
  }

  @Override
  public Service.CloseConnectionResponse apply(Service.CloseConnectionRequest request) {
    return delegate.apply(request);
  }

  @Override
  public Service.ConnectionSyncResponse apply(Service.ConnectionSyncRequest request) {
    return delegate.apply(request);
  }

  @Override
  public Service.DatabasePropertyResponse apply(Service.DatabasePropertyRequest request) {
    return delegate.apply(request);
  }

  @Override
  public Service.CommitResponse apply(Service.CommitRequest request) {
    return delegate.apply(request);
  }

  @Override
  public Service.RollbackResponse apply(Service.RollbackRequest request) {
    return delegate.apply(request);
  }

  @Override
  public Service.ExecuteBatchResponse apply(Service.PrepareAndExecuteBatchRequest request) {
    return delegate.apply(request);
  }

  @Override
  public Service.ExecuteBatchResponse apply(Service.ExecuteBatchRequest request) {
    return delegate.apply(request);
  }

  @Override
  public void setRpcMetadata(Service.RpcMetadataResponse metadata) {
    delegate.setRpcMetadata(metadata);
  }
}
