package org.medvl.spark.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.medvl.core.MedvlException;
import org.medvl.core.io.AtomicFiles;

/**
 * Writes a job's result as Parquet. A local output appears whole or not at all: Spark writes a sibling folder, which
 * is then moved into place; an existing output is replaced only with --force. Remote outputs (hdfs://, s3a://) rely
 * on Spark's output committer and refuse to overwrite without --force.
 */
public final class ParquetOutput {
    private ParquetOutput() {
    }

    public static void write(Dataset<Row> result, String out, boolean force) {
        if (out.contains("://") && !out.startsWith("file://")) {
            result.write().mode(force ? SaveMode.Overwrite : SaveMode.ErrorIfExists).parquet(out);
            return;
        }
        Path target = Path.of(out.startsWith("file://") ? out.substring("file://".length()) : out).toAbsolutePath();
        if (Files.exists(target) && !force) {
            throw new MedvlException("output " + out + " already exists (use --force to replace it)");
        }
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        if (Files.exists(tmp)) {
            AtomicFiles.deleteTree(tmp);
        }
        result.write().mode(SaveMode.ErrorIfExists).parquet(tmp.toUri().toString());
        try {
            if (Files.exists(target)) {
                Path old = target.resolveSibling("." + target.getFileName() + ".old-" + ProcessHandle.current().pid());
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                AtomicFiles.deleteTree(old);
            } else {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new MedvlException("cannot move the finished output into " + out + ": " + e.getMessage());
        }
    }
}
