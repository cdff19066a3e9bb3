package io.adalab.api;

import java.io.IOException;
import org.pf4j.ExtensionPoint;

/** A source of training and test data ({@code digits}, {@code mnist}, a CSV file, ...). */
public interface DatasetProvider extends ExtensionPoint, Component {

    /**
     * Opens the dataset for one run.
     *
     * @throws IOException              if files are missing or unreadable (the message says which and how to fix it)
     * @throws HyperparameterException  for invalid combinations the schema cannot express
     */
    Dataset open(Hyperparameters hyperparameters, DatasetContext context) throws IOException;
}
