/**
 * The demo's content, in our own words around the public facts of Durango's exercises (DOMAIN.md and the 2020
 * call in shared/reference). Content is data: it is written once, in Spanish, as the convening body would.
 */
export const demoText = {
  second: {
    title: 'Segundo Plan de Acción Local de Gobierno Abierto Durango 2017-2019',
    summary:
      'Segundo ejercicio local de gobierno abierto en Durango. Reunió a los tres poderes del estado con organizaciones de la sociedad civil y concluyó con ocho compromisos: tres del Poder Ejecutivo, tres del Poder Legislativo y dos del Poder Judicial.',
  },
  third: {
    title: 'Tercer Plan de Acción Local de Gobierno Abierto Durango 2020-2021',
    summary:
      'Tercer ejercicio local, el primero centrado en los municipios. Los ayuntamientos de Durango, Gómez Palacio y Tepehuanes, junto con más de treinta organizaciones, co-crearon nueve compromisos para atender problemas públicos concretos.',
    call: {
      title: 'Convocatoria para participar en el Tercer Plan de Acción Local de Gobierno Abierto Durango',
      summary:
        'Invitación abierta a la sociedad duranguense para integrar el Secretariado Técnico Local y construir, junto con las autoridades, el Tercer Plan de Acción Local de Gobierno Abierto.',
      considerations: [
        'El gobierno abierto es una forma de gobernar en colaboración: abre canales directos entre la ciudadanía y las autoridades para acordar una agenda común y diseñar, aplicar y evaluar políticas públicas que respondan a problemas sociales.',
        'El Secretariado Técnico Local es el espacio plural y formal donde autoridades, sociedad civil y el órgano garante de la transparencia dialogan, deciden y coordinan el diseño y la ejecución del Plan de Acción Local.',
        'La participación ciudadana es la base del ejercicio: fortalece la transparencia, el acceso a la información, la rendición de cuentas, la innovación y la co-creación entre sociedad y gobierno.',
      ],
      generalObjective:
        'Participar en la construcción y la ejecución del Tercer Plan de Acción Local de Gobierno Abierto en Durango, con transparencia, participación ciudadana efectiva, rendición de cuentas e innovación cívica y tecnológica, para atender y resolver en colaboración problemas públicos.',
      specificObjectives: [
        'Sumar a organizaciones civiles y públicas interesadas en detectar problemas y demandas sociales concretas y en generar soluciones mediante esquemas participativos y de co-creación.',
        'Instalar el Secretariado Técnico Local como máximo órgano de decisión del ejercicio, integrado por representantes de la sociedad civil, una persona representante de cada autoridad estatal o municipal participante, una del órgano garante y una persona facilitadora neutral.',
        'Construir el Plan de Acción Local con compromisos puntuales, realizables, medibles y transformadores.',
        'Desarrollar un portal de gobierno abierto para dar seguimiento público a los compromisos y a las actividades del ejercicio.',
        'Consolidar el proyecto de gobierno abierto en el estado.',
      ],
      requirements: [
        'Residir en el estado de Durango.',
        'Tener disponibilidad e interés para colaborar en el diseño, la ejecución, el seguimiento y la evaluación del Plan de Acción Local.',
        'Manifestar por escrito, en el formulario en línea «Súmate», la intención de participar de manera honoraria.',
        'Inscribirse entre el 29 de septiembre y el 15 de noviembre de 2020.',
      ],
      themes: ['Seguridad ciudadana', 'Medio ambiente y residuos', 'Movilidad y seguridad vial', 'Salud mental', 'Trámites y servicios', 'Espacios públicos', 'Transparencia y rendición de cuentas'],
      resultsText:
        'La convocatoria cerró el 15 de noviembre de 2020. Cada persona inscrita recibió por correo electrónico la invitación a la sesión de instalación del Secretariado Técnico Local.',
    },
  },
  fourth: {
    title: 'Cuarto Plan de Acción Local (ejercicio de demostración)',
    summary:
      'Ejercicio ilustrativo para conocer el portal: su convocatoria está abierta y puedes probar cada etapa. Sus datos no corresponden a un proceso real.',
    call: {
      title: 'Convocatoria de demostración para el Cuarto Plan de Acción Local',
      summary:
        'Convocatoria ilustrativa, abierta para que cualquier persona pruebe cómo funciona la inscripción a un ejercicio local de gobierno abierto.',
      considerations: [
        'Este ejercicio existe solo para mostrar el funcionamiento del portal. Ninguna inscripción tiene efectos reales.',
      ],
      generalObjective:
        'Mostrar, con datos ilustrativos, cómo una persona residente del estado se suma a un ejercicio local de gobierno abierto y cómo se sigue cada etapa.',
      specificObjectives: [
        'Probar la inscripción y la confirmación por correo electrónico.',
        'Conocer cómo se integra el Secretariado Técnico Local y cómo decide.',
        'Ver cómo se da seguimiento público a los compromisos de un plan.',
      ],
      themes: ['Seguridad ciudadana', 'Medio ambiente y residuos', 'Movilidad y seguridad vial', 'Salud mental', 'Trámites y servicios', 'Espacios públicos', 'Transparencia y rendición de cuentas'],
      requirements: [
        'Residir en el estado de Durango.',
        'Tener interés en participar de manera honoraria.',
        'Manifestar por escrito la intención de participar.',
      ],
    },
  },
  privacy: {
    simplified:
      'El órgano garante local, responsable del tratamiento, usará tu nombre, correo electrónico, municipio de residencia, sector y, si lo das, tu teléfono para registrar tu interés en participar en el ejercicio de gobierno abierto, avisarte de sus siguientes pasos y elaborar estadísticas que nunca te identifican.\n\nNo transferimos tus datos personales, salvo las excepciones que prevé la ley. Puedes ejercer tus derechos de acceso, rectificación, cancelación y oposición (ARCO) en este portal o ante la Unidad de Transparencia. Consulta el aviso de privacidad integral en esta misma página.',
    integral:
      'Este aviso explica cómo se tratan los datos personales que recaba este portal, conforme a la Ley General de Protección de Datos Personales en Posesión de Sujetos Obligados.\n\nDatos que recabamos: nombre completo, correo electrónico, teléfono (opcional), municipio de residencia, sector al que perteneces, organización (opcional), temas de interés y la manifestación de tu intención de participar. No solicitamos datos personales sensibles.\n\nFinalidades: registrar tu inscripción a la convocatoria, verificar que cumples los requisitos, comunicarte los siguientes pasos del ejercicio, integrar el Secretariado Técnico Local y las mesas de co-creación, y elaborar estadísticas agregadas que se publican sin identificar a nadie.\n\nFundamento: la ley de transparencia y la de protección de datos personales aplicables en el estado, y las bases de la convocatoria.\n\nTransferencias: no se transfieren tus datos personales, salvo las que sean necesarias para atender requerimientos de autoridades competentes, debidamente fundados y motivados.\n\nDerechos ARCO: puedes acceder a tus datos, rectificarlos, cancelarlos u oponerte a su tratamiento desde tu cuenta en este portal o con un escrito ante la Unidad de Transparencia. La respuesta se emite en un máximo de veinte días hábiles, ampliable una sola vez por diez días hábiles más cuando esté justificado.\n\nUnidad de Transparencia: domicilio del órgano garante local, en la ciudad de Victoria de Durango, Durango. Correo: gobiernoabierto@example.org.\n\nCambios a este aviso: cualquier cambio se publicará en esta página como una nueva versión; cada consentimiento guarda la versión que se aceptó.',
  },
};
