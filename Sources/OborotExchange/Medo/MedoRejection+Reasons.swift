/// Every rejection the МЭДО layer gives, in one place so the Russian wording can be reviewed together.
extension MedoRejection {
    static let noMessageFile = MedoRejection(
        code: "no_message_file",
        reason: "В пакете нет файла message.xml (МЭДО 2.7.1) или document.xml (МЭДО 2.2–2.7)")

    static func malformedXML(_ file: String, line: Int) -> MedoRejection {
        MedoRejection(code: "malformed_xml", reason: "Файл \(file) не является правильным XML (ошибка в строке \(line))")
    }

    static func forbiddenDTD(_ file: String) -> MedoRejection {
        MedoRejection(code: "forbidden_dtd", reason: "Файл \(file) содержит объявление DTD, недопустимое в МЭДО")
    }

    static func tooDeep(_ file: String) -> MedoRejection {
        MedoRejection(code: "xml_too_complex", reason: "Файл \(file) слишком велик или слишком глубоко вложен")
    }

    static func missingDeclaration(_ file: String) -> MedoRejection {
        MedoRejection(code: "missing_encoding",
                      reason: "В файле \(file) нет объявления XML с обязательным атрибутом encoding")
    }

    static func unknownEncoding(_ file: String, _ encoding: String) -> MedoRejection {
        MedoRejection(code: "unknown_encoding",
                      reason: "Файл \(file) объявлен в кодировке «\(encoding)»; МЭДО допускает только windows-1251 и UTF-8")
    }

    static func encodingMismatch(_ file: String, declared: String) -> MedoRejection {
        MedoRejection(code: "encoding_mismatch",
                      reason: "Содержимое файла \(file) не соответствует объявленной кодировке \(declared)")
    }

    static func unknownRoot(_ file: String, _ name: String) -> MedoRejection {
        MedoRejection(code: "unknown_root",
                      reason: "Файл \(file) начинается с элемента <\(name)>, а не с communication из пространства имён МЭДО")
    }

    static func emptyElement(_ file: String, _ name: String, line: Int) -> MedoRejection {
        MedoRejection(code: "empty_element",
                      reason: "В файле \(file) пустой элемент <\(name)> (строка \(line)); формат МЭДО запрещает пустые элементы")
    }

    static func missingElement(_ file: String, _ path: String) -> MedoRejection {
        MedoRejection(code: "missing_element", reason: "В файле \(file) нет обязательного элемента \(path)")
    }

    static func missingAttribute(_ file: String, _ element: String, _ attribute: String) -> MedoRejection {
        MedoRejection(code: "missing_attribute",
                      reason: "В файле \(file) у элемента <\(element)> нет обязательного атрибута \(attribute)")
    }

    static func invalidValue(_ file: String, _ element: String, _ value: String, expected: String) -> MedoRejection {
        MedoRejection(code: "invalid_value",
                      reason: "В файле \(file) значение «\(value.prefix(80))» элемента \(element) не является \(expected)")
    }

    static func unknownMessageType(_ file: String, _ type: String) -> MedoRejection {
        MedoRejection(code: "unknown_message_type",
                      reason: "Неизвестный тип сообщения «\(type.prefix(80))» в файле \(file)")
    }

    static func unknownNotification(_ file: String) -> MedoRejection {
        MedoRejection(code: "unknown_notification",
                      reason: "В уведомлении (файл \(file)) нет ни одного известного вида события")
    }

    static func unsupportedVersion(_ file: String, _ version: String) -> MedoRejection {
        MedoRejection(code: "unsupported_version",
                      reason: "Версия формата МЭДО «\(version.prefix(20))» в файле \(file) не поддерживается")
    }

    static func missingFile(_ name: String, listedIn list: String) -> MedoRejection {
        MedoRejection(code: "missing_file", reason: "Не найден файл \(name), указанный в \(list)")
    }

    static func missingSignature(_ name: String) -> MedoRejection {
        MedoRejection(code: "missing_signature",
                      reason: "У основного документа \(name) нет открепленной электронной подписи (.p7s), обязательной в МЭДО 2.7")
    }

    static let missingMainDocument = MedoRejection(
        code: "missing_main_document", reason: "В паспорте контейнера не указан основной документ")

    static func unsafeEntry(_ archive: String, _ path: String) -> MedoRejection {
        MedoRejection(code: "unsafe_zip_entry",
                      reason: "Архив \(archive) содержит недопустимый путь «\(path.prefix(120))»: файлы контейнера должны лежать в его корне, без папок")
    }

    static func unsafeFileName(_ file: String, _ name: String) -> MedoRejection {
        MedoRejection(code: "unsafe_file_name",
                      reason: "В файле \(file) указано недопустимое имя файла «\(name.prefix(120))»: имя не должно содержать папок")
    }

    static func xmlTooLarge(_ file: String, limit: Int) -> MedoRejection {
        MedoRejection(code: "xml_too_large", reason: "Файл \(file) больше \(limit / (1024 * 1024)) МБ")
    }

    static func tooManyEntries(_ archive: String, limit: Int) -> MedoRejection {
        MedoRejection(code: "archive_too_many_entries", reason: "Архив \(archive) содержит больше \(limit) файлов")
    }

    static func archiveTooLarge(_ archive: String, limit: Int) -> MedoRejection {
        MedoRejection(code: "archive_too_large",
                      reason: "Архив \(archive) распаковывается больше чем в \(limit / (1024 * 1024)) МБ")
    }

    static func corruptArchive(_ archive: String, _ why: String) -> MedoRejection {
        MedoRejection(code: "corrupt_archive", reason: "Архив \(archive) повреждён: \(why)")
    }

    static func unsupportedArchive(_ archive: String, _ why: String) -> MedoRejection {
        MedoRejection(code: "unsupported_archive", reason: "Архив \(archive) не удаётся прочитать: \(why)")
    }

    static func mainNotPDF(_ name: String) -> MedoRejection {
        MedoRejection(code: "main_not_pdf",
                      reason: "Основной документ \(name) не в формате PDF, а в МЭДО 2.7 и новее он должен быть PDF")
    }

    static func stampNotPNG(_ name: String) -> MedoRejection {
        MedoRejection(code: "stamp_not_png", reason: "Изображение штампа \(name) не в формате PNG")
    }

    static func invalidFileName(_ name: String) -> MedoRejection {
        MedoRejection(code: "invalid_file_name",
                      reason: "Имя файла «\(name.prefix(120))» недопустимо в контейнере МЭДО: только латинские буквы и цифры с расширением")
    }

    static func invalidStampPosition(_ name: String) -> MedoRejection {
        MedoRejection(code: "invalid_stamp_position",
                      reason: "Положение штампа \(name) задано неверно: нужна страница от 1 и конечные координаты и размеры")
    }

    static func duplicateEntry(_ archive: String, _ path: String) -> MedoRejection {
        corruptArchive(archive, "файл \(path) встречается в нём дважды")
    }

    static func duplicateFileName(_ name: String) -> MedoRejection {
        MedoRejection(code: "duplicate_file_name", reason: "Файл \(name) встречается в пакете дважды")
    }

    static func emptyValue(_ field: String) -> MedoRejection {
        MedoRejection(code: "empty_value", reason: "Не заполнено обязательное поле «\(field)»")
    }
}

/// The words that complete the reasons above: what a value should have been, where a file was listed, what a
/// required field is called.
enum MedoWording {
    static let date = "датой в виде ГГГГ-ММ-ДД"
    static let dateTime = "датой и временем в виде ГГГГ-ММ-ДДTчч:мм:сс"
    static let pageCount = "числом страниц"
    static let number = "числом"
    static let passport = "паспорте контейнера"
    static let role = "одной из ролей main, annex, stamp, other"
    static let page = "номером страницы"
    static let base64Signature = "подписью в кодировке base64"
    static let boolean = "значением true или false"
    static let documentUID = "uid документа"
    static let kind = "вид документа"
    static let registrationNumber = "регистрационный номер"
    static let notifiedDocumentUID = "uid документа, о котором уведомление"
    static let refusalReason = "причина отказа в регистрации"
    static let executor = "исполнитель"
    static let reportSignatory = "подписавший доклад"
    static let reportNumber = "номер доклада"
    static let messageUID = "uid сообщения"
    static let sourceUID = "uid отправителя в МЭДО"
    static let sourceOrganization = "организация-отправитель"
    static let ticketMessageUID = "uid сообщения, о котором квитанция"

    static func container(_ name: String) -> String { "контейнере \(name)" }
}
