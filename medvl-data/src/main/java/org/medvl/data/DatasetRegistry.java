package org.medvl.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medvl.core.MedvlException;
import org.medvl.data.format.ChiMedVl;
import org.medvl.data.format.FairVlmed;
import org.medvl.data.format.FfaIr;
import org.medvl.data.format.IuXray;
import org.medvl.data.format.MedIcat;
import org.medvl.data.format.MedPix2;
import org.medvl.data.format.MimicCxr;
import org.medvl.data.format.OmniMedVqa;
import org.medvl.data.format.OpenPath;
import org.medvl.data.format.PadChest;
import org.medvl.data.format.PathVqa;
import org.medvl.data.format.PmcOa;
import org.medvl.data.format.PmcVqa;
import org.medvl.data.format.ProbMed;
import org.medvl.data.format.Quilt1m;
import org.medvl.data.format.Roco;
import org.medvl.data.format.Slake;
import org.medvl.data.format.VqaMed;
import org.medvl.data.format.VqaRad;
import org.medvl.data.manifest.ManifestDataset;

/**
 * Every dataset of the field's standard survey tables (image-caption and VQA), with the facts those tables give and
 * the loader medvl uses for its published layout. Counts are as published by the authors.
 */
public final class DatasetRegistry {
    private static final List<DatasetInfo> ALL = new ArrayList<>();
    private static final Map<String, DatasetInfo> BY_NAME = new LinkedHashMap<>();

    static {
        // ---- image-caption and report datasets
        add(new DatasetInfo("roco", "ROCO", "image-caption", "radiology (literature)", "CT, MR, X-ray, US, angiography, PET",
                "81,825", "81,825 captions", "en", "PubMed Central open-access figures", "per-article open-access licences",
                "https://github.com/razorx89/roco-dataset", "Pelka et al., LABELS/CVII-STENT@MICCAI 2018",
                "data/{train,validation,test}/radiology/{captions.txt,dlinks.txt,images/} (radiology subset)", List.of(), Roco::new));
        add(new DatasetInfo("medicat", "MedICaT", "image-caption", "biomedical literature", "mixed (radiology and others)",
                "217,060", "217,060 captions (7,507 with subcaptions)", "en", "PubMed Central open-access figures",
                "research use under the authors' agreement", "https://github.com/allenai/medicat",
                "Subramanian et al., Findings of EMNLP 2020", "[release/]*.jsonl (pdf_hash, fig_uri, s2_caption) + release/figures/<pdf_hash>_<fig_uri>",
                List.of(), MedIcat::new));
        add(new DatasetInfo("pmc-oa", "PMC-OA", "image-caption", "biomedical literature", "mixed",
                "1.6M subfigures", "1.6M captions", "en", "PubMed Central open-access figures (subfigure-caption aligned)",
                "see homepage (PMC open-access subset)", "https://huggingface.co/datasets/axiong/pmc_oa",
                "Lin et al., PMC-CLIP, MICCAI 2023", "{train,valid,test}.jsonl or pmc_oa.jsonl ({image, caption}) + images/",
                List.of(), PmcOa::new));
        add(new DatasetInfo("chimed-vl", "ChiMed-VL", "image-caption", "biomedical literature", "mixed",
                "~580k", "~580k captions + ~470k instruction QA", "zh", "PMC-CaseReport / PMC-OA translated to Chinese",
                "see homepage", "https://github.com/williamliujl/Qilin-Med-VL", "Liu et al., Qilin-Med-VL, arXiv 2023",
                "ChiMed-VL-Alignment/*.json (LLaVA conversation format: id, image, conversations) + images/", List.of(), ChiMedVl::new));
        add(new DatasetInfo("ffa-ir", "FFA-IR", "image-caption", "ophthalmology", "fundus fluorescein angiography",
                "1,048,584", "10,790 reports", "en, zh", "hospital FFA examinations with bilingual reports",
                "PhysioNet credentialed access", "https://github.com/mlii0117/FFA-IR", "Li et al., NeurIPS Datasets 2021",
                "ffair_annotation.json ({train,val,test}: case -> Image_path, En_Report, Ch_Report) + FFAIR/",
                List.of(), FfaIr::new));
        add(new DatasetInfo("padchest", "PadChest", "image-caption", "radiology", "chest X-ray",
                "160,868", "109,931 reports", "es", "Hospital San Juan, Alicante (BIMCV)",
                "BIMCV PadChest Dataset Research Use Agreement", "https://bimcv.cipf.es/bimcv-projects/padchest/",
                "Bustos et al., Medical Image Analysis 2020",
                "PADCHEST_chest_x_ray_images_labels_160K_01.02.19.csv + {ImageDir}/{ImageID}", List.of(), PadChest::new));
        add(new DatasetInfo("mimic-cxr", "MIMIC-CXR", "image-caption", "radiology", "chest X-ray",
                "377,110", "227,835 reports", "en", "Beth Israel Deaconess Medical Center",
                "PhysioNet Credentialed Health Data License 1.5.0", "https://physionet.org/content/mimic-cxr-jpg/",
                "Johnson et al., Scientific Data 2019",
                "mimic-cxr-2.0.0-{split,metadata,chexpert}.csv[.gz] + files/pXX/pSUBJECT/sSTUDY(.txt|/DICOM.jpg)",
                List.of(), MimicCxr::new));
        add(new DatasetInfo("openpath", "OpenPath", "image-caption", "pathology", "H&E and IHC",
                "208,414", "208,414 captions", "en", "medical Twitter (#pathology hashtags) and LAION",
                "Twitter/X terms: released as tweet ids", "https://github.com/PathologyFoundation/plip",
                "Huang et al., PLIP, Nature Medicine 2023", "openpath.csv or {train,val,test}.csv (image, text) + images/: the table users build when rehydrating tweet ids (no published file layout)", List.of(), OpenPath::new));
        add(new DatasetInfo("quilt-1m", "Quilt-1M", "image-caption", "pathology", "histopathology",
                "~1M (802k)", "~1M captions", "en", "YouTube educational videos, Twitter, research papers, LAION",
                "see homepage (research use)", "https://quilt1m.github.io", "Ikezogwo et al., NeurIPS Datasets 2023",
                "quilt_1M_lookup.csv (caption, image_path, subset, split, pathology, ...) + quilt_1m/", List.of(), Quilt1m::new));
        add(new DatasetInfo("fairvlmed", "Harvard-FairVLMed", "image-caption", "ophthalmology",
                "scanning laser ophthalmoscopy fundus", "10,000", "10,000 clinical notes", "en",
                "Massachusetts Eye and Ear glaucoma patients, with age, gender, race, ethnicity, language, marital status",
                "CC BY-NC-ND 4.0", "https://github.com/Harvard-Ophthalmology-AI-Lab/FairCLIP",
                "Luo et al., FairCLIP, CVPR 2024", "{Training,Validation,Testing}/data_xxxxx.npz (slo_fundus, note, age, gender, race, ...)",
                List.of("harvard-fairvlmed"), FairVlmed::new));
        add(new DatasetInfo("iu-xray", "IU X-ray", "image-caption", "radiology", "chest X-ray",
                "7,470", "3,955 reports", "en", "Indiana University hospital network (Open-i)",
                "Open-i terms of the Indiana collection", "https://openi.nlm.nih.gov/faq",
                "Demner-Fushman et al., JAMIA 2016",
                "annotation.json (R2Gen split) [+ indiana_reports.csv tags] + images/", List.of("iu-xray-reports"),
                IuXray::open));
        add(new DatasetInfo("iu-xray-indiana", "IU X-ray (indiana CSVs)", "image-caption", "radiology", "chest X-ray",
                "7,466", "3,851 reports", "en", "Indiana University hospital network (Open-i), Kaggle CSV layout",
                "Open-i terms of the Indiana collection", "https://openi.nlm.nih.gov/faq",
                "Demner-Fushman et al., JAMIA 2016",
                "indiana_reports.csv + indiana_projections.csv + images/images_normalized/", List.of(),
                IuXray::openIndiana));
        add(new DatasetInfo("medpix-2.0", "MedPix 2.0", "image-caption", "radiology", "CT, MR",
                "2,050", "2,050 captions + 671 case reports", "en", "NLM MedPix teaching cases",
                "no licence file; MedPix content published by the U.S. NLM", "https://github.com/CHILab1/MedPix-2.0",
                "Siragusa et al., MedPix 2.0, 2025",
                "Descriptions.json + Case_topic.json [+ splitted_dataset/] + images/", List.of("medpix"),
                MedPix2::new));
        add(new DatasetInfo("medpix-2.0-cases", "MedPix 2.0 (case level)", "image-caption", "radiology", "CT, MR",
                "2,050", "671 case reports (Findings)", "en", "NLM MedPix teaching cases",
                "no licence file; MedPix content published by the U.S. NLM", "https://github.com/CHILab1/MedPix-2.0",
                "Siragusa et al., MedPix 2.0, 2025",
                "Case_topic.json [+ splitted_dataset/data_*.jsonl] + images/: one study per case, all its images",
                List.of("medpix-cases"), MedPix2::cases));
        // ---- VQA datasets
        add(new DatasetInfo("vqa-rad", "VQA-RAD", "vqa", "radiology", "CT, MR, X-ray", "315", "3,515 QA", "en",
                "MedPix cases, questions by clinicians", "CC0 1.0", "https://osf.io/89kps/",
                "Lau et al., Scientific Data 2018",
                "trainset.json/testset.json (MEVF split, also under splits_mevf/) or VQA_RAD Dataset Public.json + images/",
                List.of(), VqaRad::open));
        add(new DatasetInfo("vqa-rad-osf", "VQA-RAD (OSF public JSON)", "vqa", "radiology", "CT, MR, X-ray", "315",
                "2,248 base QA", "en", "MedPix cases, questions by clinicians", "CC0 1.0", "https://osf.io/89kps/",
                "Lau et al., Scientific Data 2018", "VQA_RAD Dataset Public.json + images/ (test = phrase_type test_*)",
                List.of(), VqaRad::openOsf));
        add(new DatasetInfo("slake", "SLAKE", "vqa", "radiology", "CT, MR, X-ray", "642", "14,028 QA", "en, zh",
                "public radiology datasets with semantic labels and a knowledge graph", "CC BY-SA 4.0 (see homepage)",
                "https://www.med-vqa.com/slake/", "Liu et al., ISBI 2021",
                "train.json/validate.json/test.json + imgs/xmlabN/source.jpg", List.of(), Slake::new));
        add(new DatasetInfo("pathvqa", "PathVQA", "vqa", "pathology", "pathology images", "4,998", "32,799 QA", "en",
                "pathology textbooks and the PEIR library", "MIT (as stated by the common export)",
                "https://github.com/UCSD-AI4H/PathVQA", "He et al., arXiv 2020",
                "train.json/val.json/test.json ({question, answer, image, ...}) + images/", List.of("pathvqa-subset"),
                PathVqa::new));
        add(new DatasetInfo("vqa-med-2019", "VQA-Med 2019", "vqa", "radiology", "CT, MR, X-ray, US, ...",
                "4,200", "15,292 QA", "en", "MedPix", "ImageCLEF end-user agreement",
                "https://github.com/abachaa/VQA-Med-2019", "Ben Abacha et al., ImageCLEF 2019",
                "ImageClef-2019-VQA-Med-{Training,Validation}/ (All_QA_Pairs_*.txt, QAPairsByCategory/, *_images/) + VQAMed2019Test/",
                List.of(), VqaMed::new));
        add(new DatasetInfo("vqa-med-2020", "VQA-Med 2020", "vqa", "radiology", "abnormality questions",
                "5,000", "5,000 QA", "en", "MedPix", "ImageCLEF end-user agreement",
                "https://github.com/abachaa/VQA-Med-2020", "Ben Abacha et al., ImageCLEF 2020",
                "VQAnswering_2020_{Train,Val}_QA_pairs.txt + *_images/ + Test-Questions/ReferenceAnswers .txt", List.of(), VqaMed::new));
        add(new DatasetInfo("vqa-med-2021", "VQA-Med 2021", "vqa", "radiology", "abnormality questions",
                "1,000 (+ 2020 training set)", "1,000 QA", "en", "MedPix", "ImageCLEF end-user agreement",
                "https://github.com/abachaa/VQA-Med-2021", "Ben Abacha et al., ImageCLEF 2021",
                "2021 validation QA .txt, Test-Questions + ReferenceAnswers .txt (image|answer|alternatives) + *images/", List.of(), VqaMed::new));
        add(new DatasetInfo("pmc-vqa", "PMC-VQA", "vqa", "biomedical literature", "mixed", "149,075", "226,946 QA",
                "en", "PMC-OA figures, QA generated and filtered", "CC BY-SA 4.0",
                "https://huggingface.co/datasets/xmcmic/PMC-VQA", "Zhang et al., PMC-VQA, arXiv 2023",
                "train.csv/test.csv (Figure_path, Question, Answer, Choice A-D, Answer_label) + images/", List.of(),
                PmcVqa::new));
        add(new DatasetInfo("omnimedvqa", "OmniMedVQA", "vqa", "mixed (12 modalities, 20+ anatomical regions)",
                "CT, MR, X-ray, fundus, dermoscopy, microscopy, ...", "118,010", "127,995 QA", "en",
                "73 public classification datasets turned into multiple-choice QA", "per source dataset; see homepage",
                "https://github.com/OpenGVLab/Multi-Modality-Arena", "Hu et al., CVPR 2024",
                "QA_information/{Open-access,Restricted-access}/*.json + Images/", List.of(), OmniMedVqa::new));
        add(new DatasetInfo("probmed", "ProbMed", "vqa", "radiology", "CT, MR, X-ray", "6,303", "57,132 QA", "en",
                "MedICaT and ChestX-ray14 images, adversarial (negated) question pairs", "see homepage",
                "https://github.com/eric-ai-lab/ProbMed", "Yan et al., Worse than Random?, 2024",
                "probmed.json or test.json ({id, image, question, answer, qa_type, image_type}) + images/", List.of(), ProbMed::new));
        // ---- medvl's own format
        add(new DatasetInfo("manifest", "medvl manifest", "manifest", "any", "any", "-", "-", "any",
                "written by medvl data convert", "that of the source dataset", "docs/notes/issue-4.md",
                "-", "one JSON Lines file (see ManifestFormat)", List.of(), ManifestDataset::open));
    }

    private DatasetRegistry() {
    }

    private static void add(DatasetInfo info) {
        ALL.add(info);
        BY_NAME.put(info.name(), info);
        for (String a : info.aliases()) {
            BY_NAME.put(a, info);
        }
    }

    /** Every entry, in survey order. */
    public static List<DatasetInfo> all() {
        return List.copyOf(ALL);
    }

    /** The canonical names. */
    public static List<String> names() {
        return ALL.stream().map(DatasetInfo::name).toList();
    }

    /** An entry by name or alias (case-insensitive), or a {@link MedvlException} listing the known names. */
    public static DatasetInfo require(String name) {
        DatasetInfo info = BY_NAME.get(name == null ? "" : name.trim().toLowerCase(Locale.ROOT));
        if (info == null) {
            throw new MedvlException("unknown dataset '" + name + "'; known: " + String.join(", ", names())
                    + " (run 'medvl data list')");
        }
        return info;
    }

    public static java.util.Optional<DatasetInfo> find(String name) {
        return java.util.Optional.ofNullable(BY_NAME.get(name == null ? "" : name.trim().toLowerCase(Locale.ROOT)));
    }
}
