package io.lakegate.lake;

import static java.util.Objects.requireNonNull;

import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;

/**
 * Parquet read support of one scan over one file: requests only the projected file columns (so
 * no other column chunk is fetched or decoded) and materialises rows as {@code Object[]}.
 */
final class LakeReadSupport extends ReadSupport<Object[]> {
  private final RowLayout layout;
  private final Object[] template;

  LakeReadSupport(RowLayout layout, Object[] template) {
    this.layout = requireNonNull(layout, "layout");
    this.template = requireNonNull(template, "template");
  }

  /** The file schema narrowed to the requested columns, in output order. */
  MessageType requestedSchema(MessageType fileSchema) {
    Types.MessageTypeBuilder builder = Types.buildMessage();
    for (String name : layout.fileColumnNames()) {
      builder.addField(fileSchema.getType(name));
    }
    return builder.named(fileSchema.getName());
  }

  @Override
  public ReadContext init(InitContext context) {
    return new ReadContext(requestedSchema(context.getFileSchema()));
  }

  @Override
  public RecordMaterializer<Object[]> prepareForRead(Configuration configuration,
      Map<String, String> keyValueMetaData, MessageType fileSchema, ReadContext readContext) {
    return new RowMaterializer(readContext.getRequestedSchema(), layout, template);
  }
}
