package org.medvl.cli.predict;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.medvl.core.MedvlException;
import org.medvl.models.api.MedvlModels;
import org.medvl.models.api.ModelAnswer;
import org.medvl.models.api.QuestionAnswerer;
import org.medvl.models.api.VisualQuestion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code medvl predict vqa}: one question about one image, answered by a medvl VQA model. */
@Command(name = "vqa", mixinStandardHelpOptions = true,
        description = "Answer a question about an image with a medvl VQA model: answer, probability, top 5")
public final class PredictVqaCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "A medvl VQA model directory (RUN/model)")
    Path model;

    @Option(names = "--image", required = true, description = "The image (PNG, JPEG, DICOM)")
    Path image;

    @Option(names = "--question", required = true, description = "The question, e.g. \"Is there a pneumothorax?\"")
    String question;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(image)) {
            throw new MedvlException("image file not found: " + image);
        }
        try (QuestionAnswerer answerer = MedvlModels.openQuestionAnswerer(model)) {
            ModelAnswer a = answerer.answer(VisualQuestion.of("cli", image, question));
            System.out.printf("answer: %s (p=%.4f)%n", a.text(), a.probability());
            if (!a.alternatives().isEmpty()) {
                System.out.println("top " + a.alternatives().size() + ":");
                for (ModelAnswer.Alternative alt : a.alternatives()) {
                    System.out.printf("  %.4f  %s%n", alt.probability(), alt.text());
                }
            }
        }
        return 0;
    }
}
